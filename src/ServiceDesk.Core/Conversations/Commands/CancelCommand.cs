using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>cancel SD-12 [reason]</c>: the requester withdraws an open ticket. (Plain <c>cancel</c> stops the current dialog: the engine handles that.)</summary>
public sealed class CancelCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["cancel", "отмена", "отменить", "anuluj"];

    public override bool Accepts(string args) => args.Length == 0 || base.Accepts(args);

    protected override TicketTrigger Trigger => TicketTrigger.Cancel;

    protected override string DoneText => "done.cancel";

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct) =>
        Task.FromResult<LifecycleDecision?>(ticket.Cancel(ctx.Actor, rest.Length == 0 ? null : rest, ctx.Lifecycle));
}
