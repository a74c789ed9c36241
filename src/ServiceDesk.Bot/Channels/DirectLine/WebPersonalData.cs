using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Privacy;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// What the web channel keeps of a person in the store (see <see cref="EfDirectLineStore"/>): their private rooms'
/// activity logs (deleted whole: their Direct Line conversations go too, so no client counts on those watermarks),
/// their Direct Line conversations in <c>channel_state</c>, their handled-message ids (<c>room|sequence</c>,
/// <c>user/client/…</c>), and in shared rooms (team and managers' channels) the activities about their tickets or
/// written by them, whose content is replaced by <c>[erased]</c> in place, so those rooms' watermarks stay.
/// </summary>
public sealed class WebPersonalData(WebRooms rooms) : IPersonalDataHolder
{
    private const string Channel = InboundActivityMapper.Channel;

    public async Task EraseAsync(ServiceDeskDbContext db, PersonalDataScope scope, PersonErasureTally tally, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var privateRooms = scope.ConversationsOn(Channel).Where(r => !rooms.IsShared(r)).ToList();
        var users = scope.SenderIdsOn(Channel).ToList();
        tally.Add("channel_transcripts (web)", await db.ChannelTranscripts
            .Where(e => e.Channel == Channel && privateRooms.Contains(e.ConversationId)).ExecuteDeleteAsync(ct));

        var conversations = await db.ChannelState.Where(e => e.Channel == Channel && e.Key.StartsWith(EfDirectLineStore.ConversationKeyPrefix)).ToListAsync(ct);
        var theirs = conversations.Where(e => Read(e.Value) is { } c
            && ((c["userId"]?.GetValue<string>() is { } u && users.Contains(u)) || (c["room"]?.GetValue<string>() is { } r && privateRooms.Contains(r)))).ToList();
        db.ChannelState.RemoveRange(theirs);
        tally.Add("channel_state (web)", theirs.Count);

        var processed = 0;
        foreach (var prefix in privateRooms.Select(r => r + "|").Concat(users.Select(u => u + "/")))
            processed += await db.ProcessedMessages.Where(p => p.Channel == Channel && p.MessageId.StartsWith(prefix)).ExecuteDeleteAsync(ct);
        tally.Add("processed_messages (web)", processed);

        var redacted = 0;
        var patterns = scope.TicketKeys.Select(k => $"%\"ticketKey\":\"{k}\"%").Concat(users.Select(u => $"%\"id\":\"{u}\"%")).ToList();
        foreach (var pattern in patterns)
        {
            foreach (var entry in await db.ChannelTranscripts.Where(e => e.Channel == Channel && EF.Functions.Like(e.Payload, pattern)).ToListAsync(ct))
            {
                if (Read(entry.Payload) is not { } activity || !IsTheirs(activity, scope, users)) continue;
                entry.Payload = Redacted(activity, scope.Pseudonym).ToJsonString(DirectLineJson.Options);
                redacted++;
            }
        }
        tally.Add("channel_transcripts redacted (web)", redacted);
        await db.SaveChangesAsync(ct);
    }

    private static bool IsTheirs(JsonObject activity, PersonalDataScope scope, List<string> users) =>
        activity["text"]?.GetValue<string>() != PersonErasure.Erased
        && ((activity["channelData"]?["ticketKey"]?.GetValue<string>() is { } key && scope.TicketKeys.Contains(key))
            || (activity["from"]?["id"]?.GetValue<string>() is { } from && users.Contains(from)));

    /// <summary>The activity's frame (id, time, room, sender's role) with its content replaced; the sender is the pseudonym if it was the person.</summary>
    private static JsonObject Redacted(JsonObject a, string pseudonym)
    {
        var from = a["from"] as JsonObject;
        var role = from?["role"]?.GetValue<string>() ?? "bot";
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = a["id"]?.DeepClone(),
            ["timestamp"] = a["timestamp"]?.DeepClone(),
            ["channelId"] = a["channelId"]?.DeepClone(),
            ["conversation"] = a["conversation"]?.DeepClone(),
            ["from"] = role == "user" ? new JsonObject { ["id"] = pseudonym, ["role"] = "user" } : from?.DeepClone(),
            ["text"] = PersonErasure.Erased,
            ["textFormat"] = "plain",
        };
    }

    private static JsonObject? Read(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
