namespace ServiceDesk.Core.Tickets.Lifecycle;

/// <summary>The answer of the transition table: the rule that allows the trigger, or the reason it is refused.</summary>
public sealed record LifecycleDecision(TransitionRule? Rule, Refusal? Refusal)
{
    public bool Allowed => Rule is not null;

    public static LifecycleDecision Allow(TransitionRule rule) => new(rule, null);

    public static LifecycleDecision Refuse(Refusal refusal) => new(null, refusal);
}
