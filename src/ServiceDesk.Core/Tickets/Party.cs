namespace ServiceDesk.Core.Tickets;

/// <summary>How an actor stands to a ticket. An engineer of the ticket's line or a higher one is a line engineer.</summary>
[Flags]
public enum Party
{
    None = 0,
    Requester = 1,
    Assignee = 2,
    LineEngineer = 4,
    Manager = 8,
    System = 16,
}
