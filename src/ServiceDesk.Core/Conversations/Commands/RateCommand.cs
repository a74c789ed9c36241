using System.Globalization;
using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>rate SD-12 1..5</c>: the requester's satisfaction score (CSAT).</summary>
public sealed class RateCommand : TicketCommand
{
    public override IReadOnlyList<string> Names { get; } = ["rate"];

    protected override TicketTrigger Trigger => TicketTrigger.Rate;

    protected override string? TextPrompt => "prompt.rate";

    protected override string DoneText => "done.rate";

    protected override Task<LifecycleDecision?> ApplyAsync(TurnContext ctx, Ticket ticket, string rest, CancellationToken ct)
    {
        var head = ParsedCommand.SplitFirst(rest).Head;
        if (!int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score is < 1 or > 5)
        {
            ctx.Reply("rate.usage", ("key", ticket.Key));
            return Task.FromResult<LifecycleDecision?>(null);
        }
        return Task.FromResult<LifecycleDecision?>(ticket.Rate(ctx.Actor, score, ctx.Lifecycle));
    }
}
