using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>claim SD-12</c>: an engineer of the line (or a higher one) takes the ticket.</summary>
public sealed class ClaimCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["claim"];

    protected override TicketTrigger Trigger => TicketTrigger.Claim;

    protected override string DoneText => "done.claim";

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct) =>
        Task.FromResult<LifecycleDecision?>(ticket.Claim(ctx.Actor, ctx.Lifecycle));
}
