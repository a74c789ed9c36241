using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Conversations.Intake;
using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Privacy;

/// <summary>
/// The core's own tables in one erasure (see <see cref="PersonErasure"/>), inside its open transaction. Each kind is
/// counted under its table's name, so the counts read against the schema. Handled-message ids (channel and message
/// id only), SLA clocks and timers (ticket ids and times) hold nothing personal and are left alone.
/// </summary>
internal sealed class StoreErasure(ServiceDeskDbContext db, PersonalDataScope scope, DateTimeOffset now)
{
    public const string TicketsKind = "tickets";
    public const string ActorEventsKind = "ticket_events_actor";

    private string Id => scope.PersonId;

    public async Task RunAsync(PersonErasureTally tally, CancellationToken ct)
    {
        // the words the knowledge base kept as feedback queries are found by the texts they came from, read before those go
        var queries = await TypedQueriesAsync(ct);
        tally.Add("person_profiles", await db.Profiles.Where(p => p.PersonId == Id).ExecuteDeleteAsync(ct));
        tally.Add("conversations", await db.Conversations.Where(c => c.PersonId == Id).ExecuteDeleteAsync(ct));
        var (outbox, threads) = (0, 0);
        foreach (var c in scope.PrivateConversations)
        {
            tally.Add("conversations", await db.Conversations.Where(s => s.Channel == c.Channel && s.ConversationId == c.ConversationId).ExecuteDeleteAsync(ct));
            outbox += await db.Outbox.Where(m => m.Channel == c.Channel && m.ConversationId == c.ConversationId).ExecuteDeleteAsync(ct);
            threads += await db.TicketThreads.Where(t => t.Channel == c.Channel && t.ConversationId == c.ConversationId).ExecuteDeleteAsync(ct);
        }
        tally.Add("outbox", outbox);
        tally.Add("ticket_threads", threads);
        await TicketRedaction.EraseTracesAsync(db, scope.TicketIds, scope.TicketKeys, queries, tally, ct);
        tally.Add("ticket_attachments", await db.TicketAttachments.Where(a => a.AddedBy == Id).ExecuteDeleteAsync(ct));
        tally.Add("deflections", await db.Set<Deflection>().Where(d => d.PersonId == Id).ExecuteDeleteAsync(ct));
        // what they answered to suggestions, an intake they gave up included (rows older than the column: by their texts, above)
        tally.Add("kb_feedback", await db.Set<KnowledgeFeedback>().Where(f => f.PersonId == Id).ExecuteDeleteAsync(ct));
        tally.Add(ActorEventsKind, await db.TicketEvents.Where(e => e.ActorId == Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, scope.Pseudonym).SetProperty(e => e.ActorName, PersonErasure.Erased), ct));
        tally.Add(TicketsKind, await PseudonymiseTicketsAsync(ct));
    }

    /// <summary>Their tickets (and any they were assigned) keep counts, times and SLA; the person's data in them is replaced.</summary>
    private async Task<int> PseudonymiseTicketsAsync(CancellationToken ct)
    {
        var tickets = await db.Tickets.Where(t => t.RequesterId == Id || t.AssigneeId == Id).ToListAsync(ct);
        foreach (var t in tickets)
        {
            if (t.AssigneeId == Id) (t.AssigneeId, t.AssigneeName) = (scope.Pseudonym, PersonErasure.Erased);
            if (t.RequesterId == Id) TicketRedaction.Redact(db, t, scope.Pseudonym, now);
        }
        await db.SaveChangesAsync(ct);
        return tickets.Count;
    }

    /// <summary>What the person typed as a problem (ticket descriptions, deflected queries, an intake under way), as the knowledge base keeps a query.</summary>
    private async Task<HashSet<string>> TypedQueriesAsync(CancellationToken ct)
    {
        var texts = await db.Tickets.Where(t => t.RequesterId == Id).Select(t => t.Description).ToListAsync(ct);
        texts.AddRange(await db.Set<Deflection>().Where(d => d.PersonId == Id).Select(d => d.Query).ToListAsync(ct));
        foreach (var state in await db.Conversations.AsNoTracking().Where(c => c.PersonId == Id && c.Dialog != null).ToListAsync(ct))
            if (IntakeState.Load(state).Description is { } description) texts.Add(description);
        return texts.Where(t => t.Length > 0).Select(TicketRedaction.AsFeedbackQuery).ToHashSet();
    }
}
