using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Conversations;

/// <summary>
/// Plain messages about a ticket: in a ticket's thread an engineer's text is a reply to the requester and
/// <c>!note …</c> an internal note; the requester's answer while a ticket waits for them (or in a ticket's thread) is
/// their comment.
/// </summary>
public static class TicketConversation
{
    public static async Task<bool> TryHandleAsync(TurnContext ctx, string text, CancellationToken ct)
    {
        var m = ctx.Message;
        long? ticketId = null;
        if (m.ThreadId is { } thread)
            ticketId = await ctx.Db.TicketThreads.Where(x => x.Channel == m.Channel && x.ConversationId == m.ConversationId && x.ThreadId == thread)
                .Select(x => (long?)x.TicketId).FirstOrDefaultAsync(ct);
        // the requester's newest ticket waiting for them came with the turn's start (usually none)
        if (ticketId is null && m.IsPrivate && ctx.State.Dialog is null)
            ticketId = ctx.WaitingTicketId;
        if (ticketId is null) return false;
        var ticket = await ctx.Db.Tickets.Include(t => t.Events.OrderBy(e => e.Id)).FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null) return false;

        var lineBefore = ticket.Line;
        var attachments = m.Attachments.Select(a => new TicketAttachment
        {
            Channel = a.Channel, FileId = a.FileId, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, AddedAt = ctx.Now, AddedBy = ctx.Person.Id,
        }).ToList();
        Tickets.Lifecycle.LifecycleDecision decision;
        if (ticket.RequesterId == ctx.Person.Id && (m.IsPrivate || !ctx.IsStaff))
            decision = ticket.Comment(ctx.Actor, text.Length > 0 ? text : "📎", ctx.Lifecycle);
        else if (text.StartsWith("!note", StringComparison.OrdinalIgnoreCase))
            decision = ticket.Note(ctx.Actor, text[5..].Trim(), ctx.Lifecycle);
        else
            decision = ticket.Reply(ctx.Actor, text, ctx.Lifecycle);
        if (!decision.Allowed)
        {
            ctx.Refuse(decision.Refusal!);
            return true;
        }
        var e = ticket.LastEvent!;
        foreach (var a in attachments) ticket.AddAttachment(ctx.Actor, a, ctx.Now);
        await ctx.Notifier.OnEventAsync(ticket, e, lineBefore, ct);
        ctx.Reply(e.Kind == TicketEventKinds.Note ? "done.note" : e.Kind is TicketEventKinds.Reply ? "done.reply" : "done.comment", ("key", ticket.Key));
        return true;
    }
}
