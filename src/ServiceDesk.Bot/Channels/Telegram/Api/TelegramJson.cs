using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>The Bot API's JSON conventions: snake_case names, nulls omitted, unknown fields ignored.</summary>
public static class TelegramJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
