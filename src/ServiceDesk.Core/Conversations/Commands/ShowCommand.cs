using System.Text;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Tickets;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>show SD-12</c>: the ticket with its history (internal notes for staff only) and the actions allowed now.</summary>
public sealed class ShowCommand(SlaQueries sla) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["show"];

    private static readonly (TicketTrigger Trigger, string Word)[] Actions =
    [
        (TicketTrigger.Claim, "claim"), (TicketTrigger.Escalate, "escalate"), (TicketTrigger.AskUser, "ask"),
        (TicketTrigger.Resolve, "resolve"), (TicketTrigger.Confirm, "confirm"), (TicketTrigger.Reopen, "reopen"),
        (TicketTrigger.Cancel, "cancel"),
    ];

    public bool Accepts(string args) => TicketKey.LooksLikeReference(ParsedCommand.SplitFirst(args).Head);

    public async Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken ct)
    {
        var reference = ParsedCommand.SplitFirst(command.Args).Head;
        if (reference.Length == 0)
        {
            ctx.Reply("command.missing_key", ("command", command.Name));
            return;
        }
        if (await ctx.FindVisibleTicketAsync(reference, ct) is not { } t) return;
        var sb = new StringBuilder(ctx.T("show.header", ("key", t.Key), ("title", t.Title), ("status", t.Status), ("priority", t.Priority),
            ("line", t.Line), ("assignee", t.AssigneeName ?? ctx.T("card.unassigned")), ("requester", t.RequesterName),
            ("category", t.Category ?? "-"), ("type", t.Type)));
        if (t.IsOpen && (await sla.StandingAsync(ctx.Db, [t.Id], ctx.Now, ct)).TryGetValue(t.Id, out var standing))
            sb.Append('\n').Append(sla.Describe(standing, ctx.Texts, ctx.Language));
        if (t.Description.Length > 0) sb.Append('\n').Append(t.Description);
        foreach (var e in t.Events.Where(e => ctx.IsStaff || e.Visibility == Visibility.Public).TakeLast(15))
            sb.Append('\n').Append(ctx.T("show.event", ("at", e.At.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
                ("actor", e.ActorName), ("channel", e.Channel), ("kind", ctx.T("event." + e.Kind)), ("text", e.Text ?? "")).TrimEnd());
        var buttons = Actions.Where(a => TicketLifecycle.Decide(t, ctx.Actor, a.Trigger, ctx.Lifecycle).Allowed)
            .Select(a => new MessageButton(ctx.T("button." + a.Word), $"{a.Word} {t.Key}")).ToList();
        ctx.Send(new OutboundMessage { To = ctx.Message.ReplyAddress, Text = sb.ToString(), Buttons = buttons, TicketKey = t.Key });
    }
}
