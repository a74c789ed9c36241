using System.Text.Json;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Notifications;

/// <summary>Adds outbound messages to the outbox of an open store: they are saved with the change that caused them.</summary>
public sealed class OutboxWriter(ServiceDeskDbContext db, DateTimeOffset now)
{
    private readonly List<OutboundMessage> _written = [];

    public IReadOnlyList<OutboundMessage> Written => _written;

    public void Write(OutboundMessage message)
    {
        _written.Add(message);
        db.Outbox.Add(new OutboxMessage
        {
            CreatedAt = now,
            NextAttemptAt = now,
            Channel = message.To.Channel,
            ConversationId = message.To.ConversationId,
            ThreadId = message.To.ThreadId,
            TicketKey = message.TicketKey,
            Payload = JsonSerializer.Serialize(message, OutboundJson.Options),
        });
    }
}
