namespace ServiceDesk.Core.Notifications;

/// <summary>Messages in the outbox by state.</summary>
public sealed record OutboxCounts(int Pending, int Sent, int Parked);

/// <summary>A message the dispatcher gave up on, with the error that parked it and its payload (JSON).</summary>
public sealed record ParkedOutboxMessage(
    long Id, DateTimeOffset CreatedAt, string Channel, string ConversationId, string? TicketKey, int Attempts, string? LastError, string Payload);
