using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>status [SD-12]</c>: where a ticket stands (without a key: the requester's latest open ticket).</summary>
public sealed class StatusCommand : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["status"];

    public bool Accepts(string args) => args.Length == 0 || TicketKey.LooksLikeReference(ParsedCommand.SplitFirst(args).Head);

    public async Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken ct)
    {
        var reference = ParsedCommand.SplitFirst(command.Args).Head;
        Ticket? ticket;
        if (reference.Length == 0)
        {
            ticket = await ctx.Db.Tickets.Where(t => t.RequesterId == ctx.Person.Id)
                .OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
            if (ticket is null)
            {
                ctx.Reply("status.none");
                return;
            }
        }
        else
        {
            ticket = await ctx.FindVisibleTicketAsync(reference, ct);
            if (ticket is null) return;
        }
        ctx.Reply("status.line", ("key", ticket.Key), ("title", ticket.Title), ("status", ticket.Status),
            ("priority", ticket.Priority), ("assignee", ticket.AssigneeName ?? ctx.T("card.unassigned")));
    }
}
