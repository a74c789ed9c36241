using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>reopen SD-12 reason</c>: back to work, from Resolved or (within the window) Closed.</summary>
public sealed class ReopenCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["reopen"];

    protected override TicketTrigger Trigger => TicketTrigger.Reopen;

    protected override string? TextPrompt => "prompt.reopen";

    protected override string DoneText => "done.reopen";

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct) =>
        Task.FromResult<LifecycleDecision?>(ticket.Reopen(ctx.Actor, rest, ctx.Lifecycle));
}
