using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Bot.Channels.Telegram.Mapping;
using ServiceDesk.Core.Privacy;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.Telegram.State;

/// <summary>
/// What the Telegram adapter keeps of a person in <c>channel_state</c> (see <see cref="KeyValueTelegramStateStore"/>):
/// the records keyed by their private chat (unreachable, migrated, message ids and split parts, topics) and webhook
/// updates they sent that wait to be processed (raw JSON with their name and text). A private chat's id is the user's id.
/// Long button values (<c>callback:</c>) are commands with ticket keys, the polling offset and claim name nobody:
/// they stay. Registered whether or not the channel is on, so data from when it was on is found too.
/// </summary>
public sealed class TelegramPersonalData : IPersonalDataHolder
{
    private const string Channel = TelegramUpdateMapper.ChannelName;

    public async Task EraseAsync(ServiceDeskDbContext db, PersonalDataScope scope, PersonErasureTally tally, CancellationToken cancellationToken)
    {
        var chats = scope.ConversationsOn(Channel).Concat(scope.SenderIdsOn(Channel)).Distinct().ToList();
        var erased = 0;
        foreach (var chat in chats)
        {
            string[] exact = [$"unreachable:{chat}", $"migrated:{chat}", $"migrated-from:{chat}"];
            string[] prefixes = [$"replace:{chat}:", $"parts:{chat}:", $"topic:{chat}:"];
            erased += await db.ChannelState.Where(e => e.Channel == Channel && (exact.Contains(e.Key)
                    || e.Key.StartsWith(prefixes[0]) || e.Key.StartsWith(prefixes[1]) || e.Key.StartsWith(prefixes[2])))
                .ExecuteDeleteAsync(cancellationToken);
        }
        if (chats.Count > 0)
        {
            var kept = await db.ChannelState.Where(e => e.Channel == Channel && e.Key.StartsWith("inbox:")).ToListAsync(cancellationToken);
            var theirs = kept.Where(e => FromAny(e.Value, chats)).ToList();
            db.ChannelState.RemoveRange(theirs);
            await db.SaveChangesAsync(cancellationToken);
            erased += theirs.Count;
        }
        tally.Add("channel_state (telegram)", erased);
    }

    /// <summary>Whether an update's sender or chat (<c>from.id</c>, <c>chat.id</c> at any depth) is one of <paramref name="ids"/>.</summary>
    private static bool FromAny(string json, IReadOnlyCollection<string> ids)
    {
        try
        {
            return Mentions(JsonNode.Parse(json), ids);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static bool Mentions(JsonNode? node, IReadOnlyCollection<string> ids) => node switch
    {
        JsonObject o => o.Any(p => (p.Key is "from" or "chat" && p.Value is JsonObject who && who["id"] is { } id && ids.Contains(id.ToJsonString()))
                                   || Mentions(p.Value, ids)),
        JsonArray a => a.Any(n => Mentions(n, ids)),
        _ => false,
    };
}
