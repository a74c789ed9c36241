namespace ServiceDesk.Core.Tickets;

/// <summary>
/// A thread in some conversation that stands for a ticket (a forum topic, the card's reply thread, a notification
/// the requester can answer). Messages in it are about that ticket.
/// </summary>
public sealed class TicketThread
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public required string Channel { get; set; }

    public required string ConversationId { get; set; }

    public required string ThreadId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the thread is recorded in the same save as its new ticket (whose id the save assigns).</summary>
    public Ticket? Ticket { get; set; }
}
