namespace ServiceDesk.Core.Tickets.Lifecycle;

/// <summary>
/// One row of the transition table: a trigger, the states it may fire in, the state it leads to (null: stays),
/// the parties allowed to fire it, and an optional guard returning a refusal (labelled for the diagram).
/// </summary>
public sealed record TransitionRule(
    TicketTrigger Trigger,
    IReadOnlyList<TicketStatus> From,
    TicketStatus? To,
    Party Who,
    Func<Ticket, LifecycleContext, Refusal?>? Guard = null,
    string? GuardLabel = null)
{
    public TicketStatus Target(TicketStatus from) => To ?? from;
}
