namespace ServiceDesk.Core.Tickets;

/// <summary>The order of a work queue: most urgent first (priority, then age).</summary>
public static class TicketQueueOrder
{
    public static IEnumerable<Ticket> Sort(IEnumerable<Ticket> tickets) =>
        tickets.OrderBy(t => t.Priority).ThenBy(t => t.CreatedAt);
}
