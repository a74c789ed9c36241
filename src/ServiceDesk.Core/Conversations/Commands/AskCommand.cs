using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>ask SD-12 question</c>: asks the requester; the SLA clock pauses until they answer.</summary>
public sealed class AskCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["ask"];

    protected override TicketTrigger Trigger => TicketTrigger.AskUser;

    protected override string? TextPrompt => "prompt.ask";

    protected override string DoneText => "done.ask";

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct) =>
        Task.FromResult<LifecycleDecision?>(ticket.AskUser(ctx.Actor, rest, ctx.Lifecycle));
}
