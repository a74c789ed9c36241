using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>my</c>: the requester's tickets, open ones first.</summary>
public sealed class MyCommand : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["my", "mine"];

    public bool Accepts(string args) => args.Length == 0;

    public async Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken ct)
    {
        var tickets = await ctx.Db.Tickets.Where(t => t.RequesterId == ctx.Person.Id)
            .OrderByDescending(t => t.Number).Take(50).ToListAsync(ct);
        if (tickets.Count == 0)
        {
            ctx.Reply("my.none");
            return;
        }
        var sb = new StringBuilder(ctx.T("my.header"));
        foreach (var t in tickets.OrderBy(t => t.IsOpen ? 0 : 1).ThenByDescending(t => t.Number).Take(10))
            sb.Append('\n').Append(ctx.T("list.item", ("key", t.Key), ("priority", t.Priority), ("status", t.Status), ("title", t.Title)));
        ctx.ReplyText(sb.ToString());
    }
}
