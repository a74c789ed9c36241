using System.Text.Json;
using ServiceDesk.Core.Notifications;

namespace ServiceDesk.Bot.Api.Outbox;

/// <summary>A parked message as the API shows it: the payload as JSON, not a string of JSON.</summary>
public sealed record ParkedMessageResource(
    long Id, DateTimeOffset CreatedAt, string Channel, string ConversationId, string? TicketKey, int Attempts, string? LastError, JsonElement Message)
{
    public static ParkedMessageResource From(ParkedOutboxMessage m)
    {
        using var payload = JsonDocument.Parse(m.Payload);
        return new ParkedMessageResource(m.Id, m.CreatedAt, m.Channel, m.ConversationId, m.TicketKey, m.Attempts, m.LastError, payload.RootElement.Clone());
    }
}
