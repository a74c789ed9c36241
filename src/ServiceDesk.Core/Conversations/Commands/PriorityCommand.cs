using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>priority SD-12 P1..P4 reason</c>: overrides the matrix priority, with the reason in the history.</summary>
public sealed class PriorityCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["priority"];

    protected override TicketTrigger Trigger => TicketTrigger.ChangePriority;

    protected override string? TextPrompt => "prompt.priority";

    protected override string DoneText => "done.priority";

    protected override bool NeedsMoreText(string rest) =>
        rest.Length == 0 || (Parse(rest) is not null && ParsedCommand.SplitFirst(rest).Tail.Length == 0);

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct)
    {
        if (Parse(rest) is not { } priority)
        {
            ctx.Reply("priority.usage", ("key", ticket.Key));
            return Task.FromResult<LifecycleDecision?>(null);
        }
        var reason = ParsedCommand.SplitFirst(rest).Tail;
        return Task.FromResult<LifecycleDecision?>(ticket.ChangePriority(ctx.Actor, priority, reason, ctx.Lifecycle));
    }

    private static Priority? Parse(string rest)
    {
        var head = ParsedCommand.SplitFirst(rest).Head.ToUpperInvariant();
        return head is "P1" or "P2" or "P3" or "P4" ? Enum.Parse<Priority>(head) : null;
    }
}
