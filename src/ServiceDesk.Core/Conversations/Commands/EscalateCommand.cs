using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>escalate SD-12 [L2|L3] reason</c>: hands the ticket to the next (or named) line's queue.</summary>
public sealed class EscalateCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["escalate"];

    protected override TicketTrigger Trigger => TicketTrigger.Escalate;

    protected override string? TextPrompt => "prompt.escalate";

    protected override string DoneText => "done.escalate";

    protected override bool NeedsMoreText(string rest) => Split(rest).Reason.Length == 0;

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct)
    {
        var (line, reason) = Split(rest);
        return Task.FromResult<LifecycleDecision?>(ticket.Escalate(ctx.Actor, line, reason, ctx.Lifecycle));
    }

    private static (SupportLine? Line, string Reason) Split(string rest)
    {
        var (head, tail) = ParsedCommand.SplitFirst(rest);
        return head.ToUpperInvariant() is "L1" or "L2" or "L3" && Enum.TryParse<SupportLine>(head, true, out var line)
            ? (line, tail)
            : (null, rest);
    }
}
