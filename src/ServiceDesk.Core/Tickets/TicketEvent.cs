namespace ServiceDesk.Core.Tickets;

/// <summary>One entry of a ticket's append-only history: who did what, when, from which channel.</summary>
public sealed class TicketEvent
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Kind { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string Channel { get; set; }

    public TicketStatus? FromStatus { get; set; }

    public TicketStatus? ToStatus { get; set; }

    public string? Text { get; set; }

    public Visibility Visibility { get; set; } = Visibility.Public;
}
