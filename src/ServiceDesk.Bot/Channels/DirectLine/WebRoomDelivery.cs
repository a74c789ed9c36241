using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// The <c>web</c> channel delivered in the store: a unit of work's replies to web rooms are appended to the rooms'
/// logs by the save that commits it (no outbox round trip), and the rooms' streams are woken once it committed.
/// A message to an address that is not a valid room is dropped with an error in the log (the outbox would park it).
/// </summary>
public sealed class WebRoomDelivery(EfDirectLineStore store, ActivityFactory factory, DirectLineSignals signals, ILogger<WebRoomDelivery> logger)
    : IStoreDeliveredChannel
{
    public string Channel => InboundActivityMapper.Channel;

    public async Task<StagedDelivery> StageAsync(ServiceDeskDbContext db, IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        var appends = new List<RoomAppend>();
        var positions = new int?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var room = message.To.ConversationId;
            if (!DirectLineIds.IsValidAccountId(room))
            {
                logger.LogError("A web message to '{Address}' was dropped: '{Room}' is not a valid web room id", message.To, room);
                continue;
            }
            positions[i] = appends.Count;
            appends.Add(new RoomAppend(room, false, (sequence, lastUser) => factory.BotMessage(message, DirectLineIds.ActivityId(room, sequence), room, lastUser)));
        }

        var (stored, completed) = await store.StageAsync(db, appends, cancellationToken);
        var results = positions
            .Select(p => p is { } at ? new DeliveryResult(DirectLineIds.ActivityId(appends[at].Room, stored[at].Sequence)) : new DeliveryResult())
            .ToList();
        return new StagedDelivery(results, committed =>
        {
            completed(committed);
            if (!committed) return;
            foreach (var room in appends.Select(a => a.Room).Distinct(StringComparer.Ordinal))
                signals.Notify(DirectLineSignals.RoomKey(room));
        });
    }
}
