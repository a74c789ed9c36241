using System.Text;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary>
/// <c>queue [L1|L2|L3|mine]</c>: open tickets of a line (default: the engineer's own), sorted by SLA time left
/// (overdue first; tickets waiting for the user after the running ones), each with its time left.
/// </summary>
public sealed class QueueCommand(SlaQueries sla) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["queue", "q"];

    public bool Accepts(string args) => args.Length == 0 || ParsedCommand.SplitFirst(args).Head.ToUpperInvariant() is "L1" or "L2" or "L3" or "MINE";

    public async Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken ct)
    {
        if (!ctx.IsStaff)
        {
            ctx.Reply("refused.engineers_only", ("command", command.Name));
            return;
        }
        var arg = ParsedCommand.SplitFirst(command.Args).Head.ToUpperInvariant();
        var open = ctx.Db.Tickets.Where(t => t.Status == TicketStatus.New || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.WaitingForUser);
        string title;
        if (arg == "MINE")
        {
            open = open.Where(t => t.AssigneeId == ctx.Person.Id);
            title = ctx.T("queue.mine");
        }
        else if (arg.Length == 0 || Enum.TryParse<SupportLine>(arg, out _) && arg.StartsWith('L'))
        {
            var line = arg.Length == 0 ? ctx.Person.EngineerLine ?? SupportLine.L1 : Enum.Parse<SupportLine>(arg);
            open = open.Where(t => t.Line == line);
            title = ctx.T("queue.line", ("line", line));
        }
        else
        {
            ctx.Reply("queue.usage", ("value", arg));
            return;
        }
        var tickets = await open.ToListAsync(ct);
        if (tickets.Count == 0)
        {
            ctx.ReplyText(title + "\n" + ctx.T("queue.empty"));
            return;
        }
        var standing = await sla.StandingAsync(ctx.Db, tickets.Select(t => t.Id).ToList(), ctx.Now, ct);
        var sb = new StringBuilder(title);
        foreach (var t in SlaQueries.SortByTimeLeft(TicketQueueOrder.Sort(tickets), t => standing.GetValueOrDefault(t.Id)).Take(20))
        {
            sb.Append('\n').Append(ctx.T("queue.item", ("key", t.Key), ("priority", t.Priority), ("status", t.Status),
                ("title", t.Title), ("assignee", t.AssigneeName ?? ctx.T("card.unassigned"))));
            if (standing.TryGetValue(t.Id, out var s))
                sb.Append(" · ").Append(sla.Describe(s, ctx.Texts, ctx.Language));
        }
        if (tickets.Count > 20) sb.Append('\n').Append(ctx.T("queue.more", ("count", tickets.Count - 20)));
        ctx.ReplyText(sb.ToString());
    }
}
