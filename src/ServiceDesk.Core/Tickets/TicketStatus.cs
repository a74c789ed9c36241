namespace ServiceDesk.Core.Tickets;

public enum TicketStatus
{
    New,
    InProgress,
    WaitingForUser,
    Resolved,
    Closed,
    Cancelled,
}
