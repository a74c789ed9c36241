using static ServiceDesk.Core.Tickets.TicketStatus;

namespace ServiceDesk.Core.Tickets.Lifecycle;

/// <summary>
/// The ticket lifecycle: one declared table of transitions with guards by role and ownership. Everything else
/// (intent methods on <see cref="Ticket"/>, the buttons a card shows, the README diagram) is derived from it.
/// </summary>
public static class TicketLifecycle
{
    private static readonly TicketStatus[] Open = [New, InProgress, WaitingForUser];
    private static readonly TicketStatus[] Working = [InProgress, WaitingForUser];
    private static readonly TicketStatus[] All = [New, InProgress, WaitingForUser, Resolved, Closed, Cancelled];

    private const Party Engineers = Party.Assignee | Party.LineEngineer | Party.Manager;

    public static IReadOnlyList<TransitionRule> Rules { get; } =
    [
        new(TicketTrigger.Claim, [New], InProgress, Party.LineEngineer | Party.Manager),
        new(TicketTrigger.Assign, [New], InProgress, Party.Manager),
        new(TicketTrigger.Assign, Working, null, Party.Manager),
        new(TicketTrigger.Escalate, Open, New, Engineers, TopLineGuard, "line below L3"),
        new(TicketTrigger.AskUser, [InProgress], WaitingForUser, Party.Assignee | Party.Manager),
        new(TicketTrigger.UserReplied, [WaitingForUser], InProgress, Party.Requester | Party.System),
        new(TicketTrigger.Resolve, Working, Resolved, Party.Assignee | Party.Manager),
        new(TicketTrigger.Confirm, [Resolved], Closed, Party.Requester | Party.Manager),
        new(TicketTrigger.AutoClose, [Resolved], Closed, Party.System),
        new(TicketTrigger.Reopen, [Resolved], InProgress, Party.Requester | Engineers),
        new(TicketTrigger.Reopen, [Closed], InProgress, Party.Requester | Engineers, ReopenWindowGuard, "within the reopen window"),
        new(TicketTrigger.Cancel, Open, Cancelled, Party.Requester | Party.Manager),
        new(TicketTrigger.Reply, [New, InProgress, WaitingForUser, Resolved], null, Engineers),
        new(TicketTrigger.Note, All, null, Engineers),
        new(TicketTrigger.Comment, [New, InProgress, Resolved], null, Party.Requester),
        new(TicketTrigger.ChangePriority, Open, null, Engineers),
        new(TicketTrigger.Rate, [Resolved, Closed], null, Party.Requester),
    ];

    /// <summary>Decides whether <paramref name="actor"/> may fire <paramref name="trigger"/> on the ticket now, and why not.</summary>
    public static LifecycleDecision Decide(Ticket ticket, Actor actor, TicketTrigger trigger, LifecycleContext context)
    {
        var rules = Rules.Where(r => r.Trigger == trigger).ToList();
        var party = actor.RelationTo(ticket);
        if (!rules.Any(r => (r.Who & party) != 0))
            return LifecycleDecision.Refuse(WhyNot(ticket, actor, rules[0], party)); // never theirs to fire, whatever the state
        var inState = rules.Where(r => r.From.Contains(ticket.Status)).ToList();
        if (inState.Count == 0)
        {
            if (trigger == TicketTrigger.Claim && ticket.AssigneeName is { } holder && (party & (Party.LineEngineer | Party.Manager)) != 0)
                return LifecycleDecision.Refuse(Refusal.Of("refused.claimed", ("key", ticket.Key), ("assignee", holder)));
            return LifecycleDecision.Refuse(Refusal.Of("refused.state", ("key", ticket.Key), ("action", trigger), ("status", ticket.Status)));
        }

        var permitted = inState.FirstOrDefault(r => (r.Who & party) != 0);
        if (permitted is null) return LifecycleDecision.Refuse(WhyNot(ticket, actor, inState[0], party));
        var refusal = permitted.Guard?.Invoke(ticket, context);
        return refusal is null ? LifecycleDecision.Allow(permitted) : LifecycleDecision.Refuse(refusal);
    }

    /// <summary>The triggers the actor may fire on the ticket now (the buttons to show come from this).</summary>
    public static IReadOnlyList<TicketTrigger> AllowedTriggers(Ticket ticket, Actor actor, LifecycleContext context) =>
        Rules.Select(r => r.Trigger).Distinct().Where(t => Decide(ticket, actor, t, context).Allowed).ToList();

    private static Refusal WhyNot(Ticket ticket, Actor actor, TransitionRule rule, Party party)
    {
        if (rule.Who.HasFlag(Party.Assignee) && party.HasFlag(Party.LineEngineer))
            return ticket.AssigneeName is { } other
                ? Refusal.Of("refused.not_assignee", ("key", ticket.Key), ("assignee", other))
                : Refusal.Of("refused.claim_first", ("key", ticket.Key));
        if (actor.EngineerLine is { } line && line < ticket.Line && (rule.Who & (Party.LineEngineer | Party.Assignee)) != 0)
            return Refusal.Of("refused.line", ("key", ticket.Key), ("line", ticket.Line), ("own", line));
        if (rule.Who == Party.Requester || rule.Who == (Party.Requester | Party.Manager) || rule.Who == (Party.Requester | Party.System))
            return Refusal.Of("refused.requester_only", ("key", ticket.Key));
        return Refusal.Of("refused.role", ("key", ticket.Key), ("action", rule.Trigger));
    }

    private static Refusal? TopLineGuard(Ticket ticket, LifecycleContext context) =>
        ticket.Line >= SupportLine.L3 ? Refusal.Of("refused.top_line", ("key", ticket.Key)) : null;

    private static Refusal? ReopenWindowGuard(Ticket ticket, LifecycleContext context) =>
        ticket.ClosedAt is { } closed && context.Now - closed > context.ReopenWindow
            ? Refusal.Of("refused.reopen_window", ("key", ticket.Key), ("days", (int)context.ReopenWindow.TotalDays))
            : null;
}
