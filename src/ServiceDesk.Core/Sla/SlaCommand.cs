using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Conversations.Commands;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// <c>sla</c> (managers): tickets at risk and breached. <c>sla keep SD-12</c> (the assignee, answering the L1 time-box
/// offer): the ticket stays with L1, recorded in its history.
/// </summary>
public sealed class SlaCommand(SlaQueries queries) : ICommandHandler
{
    public const int ListSize = 15;

    public IReadOnlyList<string> Names { get; } = ["sla"];

    public bool Accepts(string args) => args.Trim().Length == 0 || ParsedCommand.SplitFirst(args).Head.Equals("keep", StringComparison.OrdinalIgnoreCase);

    public async Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken cancellationToken)
    {
        var (sub, rest) = ParsedCommand.SplitFirst(command.Args);
        if (sub.Equals("keep", StringComparison.OrdinalIgnoreCase))
        {
            await KeepAsync(ctx, rest, cancellationToken);
            return;
        }
        if (!ctx.Person.IsManager)
        {
            ctx.Reply("sla.managers_only");
            return;
        }

        var overview = await queries.OverviewAsync(ctx.Db, ctx.Now, ListSize, cancellationToken);
        if (overview.AtRisk.Count == 0 && overview.Breached.Count == 0)
        {
            ctx.Reply("sla.none");
            return;
        }
        var lines = new List<string>();
        if (overview.Breached.Count > 0)
        {
            lines.Add(ctx.T("sla.breached_header", ("count", overview.Breached.Count)));
            lines.AddRange(overview.Breached.Select(e => Line(ctx, e)));
        }
        if (overview.AtRisk.Count > 0)
        {
            lines.Add(ctx.T("sla.at_risk_header", ("count", overview.AtRisk.Count)));
            lines.AddRange(overview.AtRisk.Select(e => Line(ctx, e)));
        }
        ctx.ReplyText(string.Join("\n", lines), overview.Breached.Concat(overview.AtRisk).Take(5)
            .Select(e => new MessageButton(e.Key, $"show {e.Key}")).ToList());
    }

    private static string Line(TurnContext ctx, SlaOverviewEntry e) =>
        ctx.T("sla.entry",
            ("key", e.Key), ("title", e.Title), ("priority", e.Priority), ("line", e.Line),
            ("assignee", e.Assignee ?? ctx.T("card.unassigned")), ("target", ctx.Texts.Format(ctx.Language, e.Target)),
            ("left", e.Left < TimeSpan.Zero ? ctx.T("sla.overdue", ("time", SlaText.Duration(e.Left))) : ctx.T("sla.left", ("time", SlaText.Duration(e.Left)))
                + (e.Paused ? " " + ctx.T("sla.paused") : "")));

    private static async Task KeepAsync(TurnContext ctx, string reference, CancellationToken ct)
    {
        var ticket = await ctx.FindTicketAsync(reference.Trim(), ct);
        if (ticket is null)
        {
            ctx.Reply("sla.keep_usage");
            return;
        }
        if (ticket.AssigneeId != ctx.Person.Id && !ctx.Person.IsManager)
        {
            ctx.Reply("sla.keep_not_assignee", ("key", ticket.Key));
            return;
        }
        ticket.Events.Add(new TicketEvent
        {
            TicketId = ticket.Id, Kind = SlaEventKinds.KeptInL1, ActorId = ctx.Actor.Id, ActorName = ctx.Actor.Name, Channel = ctx.Actor.Channel,
            At = ctx.Now, Visibility = Visibility.Internal,
        });
        ctx.Reply("sla.kept", ("key", ticket.Key));
    }
}
