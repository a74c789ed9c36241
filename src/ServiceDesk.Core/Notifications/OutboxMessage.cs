namespace ServiceDesk.Core.Notifications;

/// <summary>
/// An outbound message written in the same transaction as the change that caused it, and delivered by the
/// dispatcher afterwards: nothing is lost when a chat API is down or the service restarts.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string Channel { get; set; }

    public required string ConversationId { get; set; }

    public string? ThreadId { get; set; }

    public string? TicketKey { get; set; }

    /// <summary>The <see cref="Conversations.OutboundMessage"/> as JSON.</summary>
    public required string Payload { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public string? LockedBy { get; set; }
}
