using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Posting a user's activity (stored, echoed into the room's log, handed to the bot) and reading a room's
/// activities after a watermark.
/// </summary>
public sealed class DirectLineActivities(
    IDirectLineStore store,
    ActivityFactory factory,
    DirectLineSignals signals,
    WebRooms rooms,
    IOptions<WebChatOptions> options,
    IWebInboundHandler handler,
    ILogger<DirectLineActivities> logger)
{
    public async Task<IResult> PostAsync(DirectLineAccess access, string conversationId, JsonObject activity, CancellationToken ct)
    {
        var conversation = await store.FindConversationAsync(conversationId, ct);
        if (conversation is null)
            return DirectLineProblems.NotFound(conversationId);

        var type = InboundActivityMapper.ReadString(activity, "type");
        if (type is null)
            return DirectLineProblems.BadRequest("'type' is required (\"message\").");
        if (type != "message")
            return Results.Json(new { id = $"{conversationId}|{type}" }, DirectLineJson.Options);

        var invalid = ValidateMessage(activity);
        if (invalid is not null)
            return DirectLineProblems.BadRequest(invalid);

        var from = activity["from"] as JsonObject;
        if (activity["from"] is not null and not JsonObject)
            return DirectLineProblems.BadRequest("'from' must be an object like {\"id\":\"alice\"}.");
        var claimed = from is null ? null : InboundActivityMapper.ReadString(from, "id");
        var sender = access.BoundUserId ?? claimed ?? conversation.UserId;
        if (sender is null)
            return DirectLineProblems.BadRequest("'from.id' is required: who is writing?");
        if (!DirectLineIds.IsValidAccountId(sender))
            return DirectLineProblems.BadRequest("'from.id' must be 1-64 letters, digits, '.', '_', '-' or '@'.");
        var senderName = from is null ? null : InboundActivityMapper.ReadString(from, "name");

        if (!conversation.IsBound)
        {
            if (rooms.IsShared(sender))
                return DirectLineProblems.BadRequest($"'from.id' '{sender}' is the name of a shared room; choose another id.");
            conversation = await store.BindToRoomAsync(conversation.Id, sender, sender, ct);
            signals.Notify(DirectLineSignals.ConversationKey(conversation.Id));
        }

        var room = conversation.Room!;
        var shared = rooms.IsShared(room);
        if (!shared && !string.Equals(sender, room, StringComparison.Ordinal))
            return DirectLineProblems.Forbidden($"This is the private conversation of '{room}'; '{sender}' cannot write in it.");

        if (InboundActivityMapper.ReadString(activity, "locale") is null && conversation.Locale is not null)
            activity["locale"] = conversation.Locale;
        RoomAppend Echo() => new(room, true, (sequence, _) => factory.UserEcho(activity, DirectLineIds.ActivityId(room, sequence), conversation.Id, sender, senderName));
        string? activityId;
        try
        {
            // Not cancelled when the client goes away: once the message is taken, its turn runs to its end.
            if (handler is IWebTurnHandler turns && store is EfDirectLineStore { SavesAlongsideTurns: true } database)
            {
                // the message and the turn it starts are one transaction (a duplicate saves neither)
                var echo = database.Alongside(Echo());
                var message = InboundActivityMapper.Map(activity, room, !shared, sender, senderName, activityId: null);
                await turns.HandleAsync(message, echo, CancellationToken.None);
                activityId = echo.Stored is [var saved] ? DirectLineIds.ActivityId(room, saved.Sequence) : null;
            }
            else
            {
                var stored = await store.AppendAsync(room, fromUser: true, Echo().Build, ct);
                activityId = DirectLineIds.ActivityId(room, stored.Sequence);
                await handler.HandleAsync(InboundActivityMapper.Map(activity, room, !shared, sender, senderName, activityId), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The bot failed on a web activity in room {Room}", room);
            return DirectLineProblems.BotFailed();
        }
        finally
        {
            // Streams learn of the message once the turn is handled: the client needs the POST's answer anyway before
            // it counts the message as sent, and replies made during the turn then travel in the same frame.
            signals.Notify(DirectLineSignals.RoomKey(room));
        }

        // a message posted again (same clientActivityID) was handled the first time: nothing new to name
        activityId ??= $"{conversation.Id}|duplicate";
        return Results.Json(new { id = activityId }, DirectLineJson.Options);
    }

    /// <summary>
    /// GET activities: the room's activities after the watermark (empty = since the conversation began). A store
    /// failure answers an empty page with the same watermark, never a 5xx: DirectLineJS stops polling for good on any
    /// error but 403 and 404, so the client polls again and catches up once the store is back.
    /// </summary>
    public async Task<IResult> ReadAsync(string conversationId, string? watermark, CancellationToken ct)
    {
        try
        {
            return await ReadPageAsync(conversationId, watermark, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Reading the activities of Direct Line conversation {ConversationId} failed; answering an empty page", conversationId);
            var same = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w.ToString(CultureInfo.InvariantCulture) : "";
            return Results.Text($"{{\"activities\":[],\"watermark\":\"{same}\"}}", "application/json", Encoding.UTF8);
        }
    }

    private async Task<IResult> ReadPageAsync(string conversationId, string? watermark, CancellationToken ct)
    {
        var conversation = await store.FindConversationAsync(conversationId, ct);
        if (conversation is null)
            return DirectLineProblems.NotFound(conversationId);
        if (!TryParseWatermark(watermark, conversation, out var after))
            return DirectLineProblems.BadRequest("'watermark' must be empty or the watermark of an earlier answer.");
        if (!conversation.IsBound)
            return Results.Text("{\"activities\":[],\"watermark\":\"\"}", "application/json", Encoding.UTF8);

        var items = await store.ReadAsync(conversation.Room!, after, options.Value.MaxActivitiesPerRead, ct);
        return Results.Text(Frame(items, after), "application/json", Encoding.UTF8);
    }

    public static bool TryParseWatermark(string? watermark, DirectLineConversation conversation, out long after)
    {
        after = conversation.BaseSequence;
        if (string.IsNullOrEmpty(watermark))
            return true;
        return long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after);
    }

    /// <summary>The <c>{activities, watermark}</c> JSON of a read, made from the stored activity JSON as is.</summary>
    public static string Frame(IReadOnlyList<StoredActivity> items, long after)
    {
        var (buffer, length) = RentFrame(items, after);
        try
        {
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// <see cref="Frame"/> as UTF-8 in a borrowed buffer (the stream sends one per append; the caller returns it to
    /// <see cref="ArrayPool{T}.Shared"/>) and its length.
    /// </summary>
    public static (byte[] Buffer, int Length) RentFrame(IReadOnlyList<StoredActivity> items, long after)
    {
        var max = 64;
        foreach (var item in items)
            max += Encoding.UTF8.GetMaxByteCount(item.Json.Length) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(max);
        var n = Append(buffer, 0, "{\"activities\":[");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                buffer[n++] = (byte)',';
            n += Encoding.UTF8.GetBytes(items[i].Json, buffer.AsSpan(n));
        }

        var last = items.Count > 0 ? items[^1].Sequence : after;
        n = Append(buffer, n, "],\"watermark\":\"");
        last.TryFormat(buffer.AsSpan(n), out var digits, provider: CultureInfo.InvariantCulture);
        n += digits;
        return (buffer, Append(buffer, n, "\"}"));
    }

    private static int Append(byte[] buffer, int at, string ascii) => at + Encoding.ASCII.GetBytes(ascii, buffer.AsSpan(at));

    private string? ValidateMessage(JsonObject activity)
    {
        var textNode = activity["text"];
        if (textNode is not null && !(textNode is JsonValue tv && tv.GetValueKind() == JsonValueKind.String))
            return "'text' must be a string.";
        var text = InboundActivityMapper.ReadString(activity, "text");
        if (text is not null && text.Length > options.Value.MaxTextLength)
            return $"'text' is longer than {options.Value.MaxTextLength} characters (Channels:WebChat:MaxTextLength).";
        if (activity["channelData"] is not null and not JsonObject)
            return "'channelData' must be an object.";
        if (activity["attachments"] is not null and not JsonArray)
            return "'attachments' must be an array.";
        var hasValue = activity["value"] is not null;
        var hasAttachments = activity["attachments"] is JsonArray { Count: > 0 };
        if (string.IsNullOrWhiteSpace(text) && !hasValue && !hasAttachments)
            return "A message needs 'text', a 'value' (a pressed button) or 'attachments'.";
        return null;
    }
}
