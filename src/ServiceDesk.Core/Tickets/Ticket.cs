using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Tickets;

/// <summary>
/// A ticket. State changes only through the intent methods (<see cref="Claim"/>, <see cref="Escalate"/>,
/// <see cref="Resolve"/>…), each checked against <see cref="TicketLifecycle"/> and recorded in the history.
/// </summary>
public sealed partial class Ticket
{
    public long Id { get; set; }

    public int Number { get; set; }

    public string Key { get; set; } = "";

    public TicketType Type { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string? Category { get; set; }

    public Level Impact { get; set; } = Level.Medium;

    public Level Urgency { get; set; } = Level.Medium;

    public Priority Priority { get; set; } = Priority.P3;

    public SupportLine Line { get; set; } = SupportLine.L1;

    public TicketStatus Status { get; set; } = TicketStatus.New;

    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public string RequesterId { get; set; } = "";

    public string RequesterName { get; set; } = "";

    /// <summary>The requester's conversation the ticket was opened from; status changes are told there.</summary>
    public string OriginChannel { get; set; } = "";

    public string OriginConversationId { get; set; } = "";

    public string Language { get; set; } = "en";

    /// <summary>Answers to the category's extra questions (device, location…), as "question: answer" lines.</summary>
    public string? Details { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FirstResponseAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? Resolution { get; set; }

    public SupportLine? ResolvedByLine { get; set; }

    /// <summary>True once the ticket has left L1; an L1 resolution without it counts as first-line resolution.</summary>
    public bool WasEscalated { get; set; }

    public int ReopenCount { get; set; }

    public int? CsatScore { get; set; }

    /// <summary>Optimistic concurrency: bumped on every save; two engineers claiming at once — one wins.</summary>
    public int Version { get; set; }

    public List<TicketEvent> Events { get; set; } = [];

    public List<TicketAttachment> Attachments { get; set; } = [];

    public bool IsOpen => Status is TicketStatus.New or TicketStatus.InProgress or TicketStatus.WaitingForUser;
}
