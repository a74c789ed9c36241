using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>reply SD-12 text</c>: a public answer, relayed to the requester.</summary>
public sealed class ReplyCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["reply"];

    protected override TicketTrigger Trigger => TicketTrigger.Reply;

    protected override string? TextPrompt => "prompt.reply";

    protected override string DoneText => "done.reply";

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct) =>
        Task.FromResult<LifecycleDecision?>(ticket.Reply(ctx.Actor, rest, ctx.Lifecycle));
}
