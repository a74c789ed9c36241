using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Turns a user's message activity into the core's <see cref="InboundMessage"/>. A pressed button arrives as
/// <c>value</c> (messageBack, postBack with an object, Adaptive Card Action.Submit data) or as postBack text;
/// its command or answer becomes <see cref="InboundMessage.Action"/>, and the label it carries as text is dropped.
/// </summary>
public static class InboundActivityMapper
{
    public const string Channel = "web";

    public static InboundMessage Map(JsonObject activity, string room, bool isPrivate, string senderId, string? senderName, string? activityId)
    {
        var text = ReadString(activity, "text");
        var action = ActionFromValue(activity["value"]);
        if (action is not null)
            text = null; // a pressed button's text is only its label, shown in the user's bubble
        else if (IsPostBack(activity) && text is not null)
        {
            action = text;
            text = null;
        }

        return new InboundMessage
        {
            Channel = Channel,
            ConversationId = room,
            SenderId = senderId,
            SenderName = senderName,
            MessageId = DedupeKey(activity, senderId, activityId),
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
            Action = action,
            Locale = ReadString(activity, "locale"),
            IsPrivate = isPrivate,
            Attachments = Attachments(activity),
        };
    }

    /// <summary>
    /// What makes a message "the same" for the engine's dedupe: the client's own id for it when it sends one
    /// (<c>channelData.clientActivityID</c>: Web Chat re-posts with it after a timeout), else the server's activity id
    /// (or, when the activity is numbered only in the turn's save, a fresh id: without a client id every post is new).
    /// </summary>
    public static string DedupeKey(JsonObject activity, string senderId, string? activityId) =>
        activity["channelData"] is JsonObject data && ReadString(data, "clientActivityID") is { Length: > 0 } client
            ? $"{senderId}/client/{client}"
            : activityId ?? $"{senderId}/post/{Guid.NewGuid():N}";

    /// <summary>The command or answer in a submitted value: a string, or an object's <c>action</c> (else its JSON).</summary>
    public static string? ActionFromValue(JsonNode? value)
    {
        switch (value)
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var s = v.GetValue<string>();
                return string.IsNullOrWhiteSpace(s) ? null : s;
            case JsonObject o when o["action"] is JsonValue a && a.GetValueKind() == JsonValueKind.String:
                var action = a.GetValue<string>();
                return string.IsNullOrWhiteSpace(action) ? null : action;
            case JsonObject o when o.Count > 0:
                return o.ToJsonString();
            default:
                return null;
        }
    }

    public static string? ReadString(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool IsPostBack(JsonObject activity) =>
        activity["channelData"] is JsonObject cd && cd["postBack"] is JsonValue p && p.GetValueKind() == JsonValueKind.True;

    private static IReadOnlyList<AttachmentReference> Attachments(JsonObject activity)
    {
        if (activity["attachments"] is not JsonArray items)
            return [];
        var result = new List<AttachmentReference>();
        foreach (var item in items.OfType<JsonObject>())
        {
            var url = ReadString(item, "contentUrl");
            if (url is not null)
                result.Add(new AttachmentReference(Channel, url, ReadString(item, "name"), ReadString(item, "contentType"), null));
        }

        return result;
    }
}
