using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// The optional body of start-conversation and generate-token: <c>{user:{id,name}, locale, room}</c>.
/// <c>room</c> is this service's addition: a shared room (team channel) to join instead of the user's private chat.
/// </summary>
public sealed record ConversationStartRequest(string? UserId, string? UserName, string? Locale, string? Room)
{
    public static readonly ConversationStartRequest Empty = new(null, null, null, null);

    /// <summary>Reads and validates the body; the error names the bad field.</summary>
    public static bool TryParse(JsonObject? body, out ConversationStartRequest request, out string error)
    {
        request = Empty;
        error = "";
        if (body is null)
            return true;

        string? userId = null, userName = null;
        switch (body["user"])
        {
            case null:
                break;
            case JsonObject user:
                if (!OptionalString(user, "id", out userId, out error) || !OptionalString(user, "name", out userName, out error))
                    return false;
                break;
            default:
                error = "'user' must be an object like {\"id\":\"alice\"}.";
                return false;
        }

        if (!OptionalString(body, "locale", out var locale, out error) || !OptionalString(body, "room", out var room, out error))
            return false;
        if (userId is not null && !DirectLineIds.IsValidAccountId(userId))
        {
            error = "'user.id' must be 1-64 letters, digits, '.', '_', '-' or '@'.";
            return false;
        }

        if (locale is not null && (locale.Length > 35 || !locale.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')))
        {
            error = "'locale' must be a language tag such as 'en-US'.";
            return false;
        }

        request = new ConversationStartRequest(userId, userName is { Length: > 0 } ? userName[..Math.Min(userName.Length, 128)] : null, locale, room);
        return true;
    }

    private static bool OptionalString(JsonObject obj, string name, out string? value, out string error)
    {
        value = null;
        error = "";
        var node = obj[name];
        if (node is null)
            return true;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            if (value.Length == 0)
                value = null;
            return true;
        }

        error = $"'{name}' must be a string.";
        return false;
    }
}
