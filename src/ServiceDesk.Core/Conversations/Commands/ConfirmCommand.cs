using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>confirm SD-12</c>: the requester confirms the fix and the ticket closes.</summary>
public sealed class ConfirmCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["confirm"];

    protected override TicketTrigger Trigger => TicketTrigger.Confirm;

    protected override string DoneText => "done.confirm";

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct) =>
        Task.FromResult<LifecycleDecision?>(ticket.Confirm(ctx.Actor, ctx.Lifecycle));
}
