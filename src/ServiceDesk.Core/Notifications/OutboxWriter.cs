using System.Text.Json;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Notifications;

/// <summary>
/// Adds outbound messages to the outbox of an open store: they are saved with the change that caused them. Messages
/// for a store-delivered channel (the built-in web chat) skip the queue: the same save delivers them (unless the unit
/// runs in an explicit transaction, whose commit comes after the save).
/// </summary>
public sealed class OutboxWriter(ServiceDeskDbContext db, DateTimeOffset now)
{
    private readonly List<OutboundMessage> _written = [];
    private readonly List<OutboxMessage?> _rows = [];
    private StoreDelivery? _storeDelivery;

    public IReadOnlyList<OutboundMessage> Written => _written;

    /// <summary>Whether any message went to the outbox queue (the dispatcher has work once this is saved).</summary>
    public bool Queued => _rows.Any(r => r is not null);

    public void Write(OutboundMessage message)
    {
        // Inside an explicit transaction the save is not the commit: such units keep to the queue.
        if (db.Database.CurrentTransaction is null && db.StoreDeliveredChannels.For(message.To.Channel) is { } channel)
        {
            if (_storeDelivery is null)
            {
                _storeDelivery = new StoreDelivery(now);
                db.Enlist(_storeDelivery);
            }
            var index = _written.Count;
            _written.Add(message);
            _rows.Add(null);
            _storeDelivery.Add(channel, () => _written[index]);
            return;
        }
        var row = new OutboxMessage
        {
            CreatedAt = now,
            NextAttemptAt = now,
            Channel = message.To.Channel,
            ConversationId = message.To.ConversationId,
            ThreadId = message.To.ThreadId,
            TicketKey = message.TicketKey,
            Payload = JsonSerializer.Serialize(message, OutboundJson.Options),
        };
        _written.Add(message);
        _rows.Add(row);
        db.Outbox.Add(row);
    }

    /// <summary>
    /// Changes messages written in this unit of work and not saved yet (e.g. adds the SLA line to the ticket cards a
    /// command produced): <paramref name="change"/> returns the new message, or null to keep it. Returns how many changed.
    /// </summary>
    public int Amend(Func<OutboundMessage, OutboundMessage?> change)
    {
        var changed = 0;
        for (var i = 0; i < _written.Count; i++)
        {
            if (change(_written[i]) is not { } updated || updated == _written[i])
                continue;
            _written[i] = updated;
            if (_rows[i] is { } row) row.Payload = JsonSerializer.Serialize(updated, OutboundJson.Options);
            changed++;
        }
        return changed;
    }
}
