using System.Text.Json;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Notifications;

/// <summary>Adds outbound messages to the outbox of an open store: they are saved with the change that caused them.</summary>
public sealed class OutboxWriter(ServiceDeskDbContext db, DateTimeOffset now)
{
    private readonly List<OutboundMessage> _written = [];
    private readonly List<OutboxMessage> _rows = [];

    public IReadOnlyList<OutboundMessage> Written => _written;

    public void Write(OutboundMessage message)
    {
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
            _rows[i].Payload = JsonSerializer.Serialize(updated, OutboundJson.Options);
            changed++;
        }
        return changed;
    }
}
