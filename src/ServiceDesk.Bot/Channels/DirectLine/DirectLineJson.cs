using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>JSON settings of the Direct Line wire format (camelCase, nulls left out).</summary>
public static class DirectLineJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
