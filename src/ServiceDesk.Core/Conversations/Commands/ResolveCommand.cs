using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>resolve SD-12 solution</c>: the assignee resolves; the requester is asked to confirm.</summary>
public sealed class ResolveCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["resolve"];

    protected override TicketTrigger Trigger => TicketTrigger.Resolve;

    protected override string? TextPrompt => "prompt.resolve";

    protected override string DoneText => "done.resolve";

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct) =>
        Task.FromResult<LifecycleDecision?>(ticket.Resolve(ctx.Actor, rest, ctx.Lifecycle));
}
