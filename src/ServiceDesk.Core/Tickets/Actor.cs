namespace ServiceDesk.Core.Tickets;

/// <summary>Who fires a command: a person with their roles, or the system (timers).</summary>
public sealed record Actor(string Id, string Name, string Channel, bool IsManager = false, SupportLine? EngineerLine = null)
{
    public static Actor System { get; } = new("system", "ServiceDesk", "system");

    public bool IsSystem => ReferenceEquals(this, System) || Id == "system";

    public bool IsEngineer => EngineerLine is not null;

    /// <summary>The actor's relations to a ticket, which the transition table's rules are written against.</summary>
    public Party RelationTo(Ticket ticket)
    {
        if (IsSystem) return Party.System;
        var p = Party.None;
        if (ticket.RequesterId == Id) p |= Party.Requester;
        if (ticket.AssigneeId == Id) p |= Party.Assignee;
        if (EngineerLine is { } line && line >= ticket.Line) p |= Party.LineEngineer;
        if (IsManager) p |= Party.Manager;
        return p;
    }
}
