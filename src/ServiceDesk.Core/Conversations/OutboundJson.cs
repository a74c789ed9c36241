using System.Text.Json;

namespace ServiceDesk.Core.Conversations;

/// <summary>How outbound messages are kept in the outbox.</summary>
public static class OutboundJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
