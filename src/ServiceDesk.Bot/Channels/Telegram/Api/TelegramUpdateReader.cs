using System.Text.Json;

namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>Parses one update, reporting malformed input instead of throwing.</summary>
public static class TelegramUpdateReader
{
    public static bool TryRead(JsonElement json, out Update? update, out string? error)
    {
        update = null;
        try
        {
            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("update_id", out var id) || id.ValueKind != JsonValueKind.Number)
            {
                error = "not an update: no numeric update_id";
                return false;
            }

            update = json.Deserialize<Update>(TelegramJson.Options);
            error = update is null ? "empty update" : null;
            return update is not null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            error = $"malformed update: {e.Message}";
            return false;
        }
    }

    public static bool TryRead(ReadOnlySpan<byte> utf8, out Update? update, out string? error)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray());
            return TryRead(doc.RootElement, out update, out error);
        }
        catch (JsonException e)
        {
            update = null;
            error = $"malformed JSON: {e.Message}";
            return false;
        }
    }

    /// <summary>The update_id of a raw update that could not be parsed as a whole, when it has one.</summary>
    public static long? PeekId(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("update_id", out var id) && id.TryGetInt64(out var v) ? v : null;
}
