using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>note SD-12 text</c>: an internal note the requester never sees.</summary>
public sealed class NoteCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["note"];

    protected override TicketTrigger Trigger => TicketTrigger.Note;

    protected override string? TextPrompt => "prompt.note";

    protected override string DoneText => "done.note";

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct) =>
        Task.FromResult<LifecycleDecision?>(ticket.Note(ctx.Actor, rest, ctx.Lifecycle));
}
