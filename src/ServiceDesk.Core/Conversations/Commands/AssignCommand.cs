using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>assign SD-12 @person</c>: a manager gives the ticket to an engineer.</summary>
public sealed class AssignCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["assign"];

    protected override TicketTrigger Trigger => TicketTrigger.Assign;

    protected override string? TextPrompt => "prompt.assign";

    protected override string DoneText => "done.assign";

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct)
    {
        var (who, _) = ParsedCommand.SplitFirst(rest);
        var person = ctx.People.Find(who);
        if (person is null || !person.IsEngineer && !person.IsManager)
        {
            ctx.Reply("assign.unknown_person", ("person", who));
            return Task.FromResult<LifecycleDecision?>(null);
        }
        return Task.FromResult<LifecycleDecision?>(ticket.Assign(ctx.Actor, person.AsActor(ctx.Message.Channel), ctx.Lifecycle));
    }
}
