using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Privacy;

/// <summary>
/// How a kept ticket loses its requester's personal data, the same for an erasure (<see cref="PersonErasure"/>) and for
/// closed tickets past their retention (<see cref="ClosedTicketAnonymiser"/>): requester id a pseudonym, name, title,
/// description, details and resolution <see cref="PersonErasure.Erased"/>, no conversation to tell of changes, and an
/// audit event that names nobody. Counts, times, status, priority and SLA stay for the reports.
/// </summary>
internal static class TicketRedaction
{
    /// <summary>
    /// Random, not a hash of the id: a hash of a Telegram user id is undone by hashing every id.
    /// </summary>
    public static string NewPseudonym() => PersonErasure.PseudonymPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>A text the requester typed as the knowledge base keeps it as a feedback query (cut to its column).</summary>
    public static string AsFeedbackQuery(string text) =>
        text.Length <= KnowledgeFeedback.MaxQueryLength ? text : text[..KnowledgeFeedback.MaxQueryLength];

    /// <summary>
    /// What hangs off the tickets <paramref name="ids"/> (keys <paramref name="keys"/>) and carries the requester's words:
    /// the texts of their history become <see cref="PersonErasure.Erased"/>; their attachment references, the outbox
    /// messages about them, the feedback given with <paramref name="typedQueries"/> and the draft articles made from
    /// them are deleted. Counted per table in <paramref name="tally"/>.
    /// </summary>
    public static async Task EraseTracesAsync(ServiceDeskDbContext db, IReadOnlyCollection<long> ids, IReadOnlyCollection<string> keys,
        IReadOnlyCollection<string> typedQueries, PersonErasureTally tally, CancellationToken ct)
    {
        tally.Add("outbox", await db.Outbox.Where(m => m.TicketKey != null && keys.Contains(m.TicketKey)).ExecuteDeleteAsync(ct));
        tally.Add("ticket_attachments", await db.TicketAttachments.Where(a => ids.Contains(a.TicketId)).ExecuteDeleteAsync(ct));
        tally.Add("kb_feedback", typedQueries.Count == 0 ? 0 : await db.Set<KnowledgeFeedback>().Where(f => typedQueries.Contains(f.QueryText)).ExecuteDeleteAsync(ct));
        tally.Add("kb_articles_drafts", await db.Set<KnowledgeArticle>()
            .Where(a => a.Status == KnowledgeArticleStatus.Draft && a.SourceTicket != null && keys.Contains(a.SourceTicket)).ExecuteDeleteAsync(ct));
        tally.Add("ticket_events_text", await db.TicketEvents.Where(e => ids.Contains(e.TicketId) && e.Text != null && e.Text != PersonErasure.Erased)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Text, PersonErasure.Erased), ct));
    }

    public static void Redact(ServiceDeskDbContext db, Ticket ticket, string pseudonym, DateTimeOffset now)
    {
        (ticket.RequesterId, ticket.RequesterName, ticket.Title, ticket.Description) = (pseudonym, PersonErasure.Erased, PersonErasure.Erased, PersonErasure.Erased);
        ticket.Details = ticket.Details is null ? null : PersonErasure.Erased;
        ticket.Resolution = ticket.Resolution is null ? null : PersonErasure.Erased;
        ticket.OriginConversationId = ""; // no conversation to tell of changes any more
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, At = now, Kind = TicketEventKinds.PersonalDataErased,
            ActorId = Actor.System.Id, ActorName = Actor.System.Name, Channel = Actor.System.Channel,
        });
    }
}
