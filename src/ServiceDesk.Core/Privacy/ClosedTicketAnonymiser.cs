using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Privacy;

/// <summary>
/// Storage limitation for tickets (<c>ServiceDesk:Retention:ClosedTicketsPersonalData</c>): a ticket closed or cancelled
/// before the cutoff keeps its numbers for the reports but loses its requester's personal data as in an erasure
/// (<see cref="TicketRedaction"/>, a pseudonym of its own per ticket), with the texts of its history, the requester's
/// name on the events they made on it, its attachment references, its thread links (chat and message ids), the outbox
/// messages about it, the knowledge-base feedback given with its description and the draft articles made from it.
/// A ticket whose requester is already a pseudonym is done. Batches of their own transactions, oldest first.
/// </summary>
public sealed class ClosedTicketAnonymiser(IDbContextFactory<ServiceDeskDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Anonymises every ticket closed before <paramref name="cutoff"/> not done yet; returns how many.</summary>
    public async Task<int> AnonymiseAsync(DateTimeOffset cutoff, int batchSize, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var done = await BatchAsync(cutoff, batchSize, ct);
            total += done;
            if (done < batchSize) return total;
        }
    }

    private async Task<int> BatchAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RunWriteTransactionAsync(async ct =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var tickets = await db.Tickets
                .Where(t => (t.Status == TicketStatus.Closed || t.Status == TicketStatus.Cancelled) && t.ClosedAt < cutoff
                    && !t.RequesterId.StartsWith(PersonErasure.PseudonymPrefix))
                .OrderBy(t => t.ClosedAt).ThenBy(t => t.Id).Take(batchSize).ToListAsync(ct);
            if (tickets.Count == 0) return 0;
            var ids = tickets.Select(t => t.Id).ToList();
            var keys = tickets.Select(t => t.Key).ToList();
            var queries = tickets.Select(t => t.Description).Where(d => d.Length > 0).Select(TicketRedaction.AsFeedbackQuery).ToList();

            await TicketRedaction.EraseTracesAsync(db, ids, keys, queries, new PersonErasureTally(), ct);
            await db.TicketThreads.Where(t => ids.Contains(t.TicketId)).ExecuteDeleteAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var ticket in tickets)
            {
                var pseudonym = TicketRedaction.NewPseudonym();
                var requester = ticket.RequesterId;
                await db.TicketEvents.Where(e => e.TicketId == ticket.Id && e.ActorId == requester)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, pseudonym).SetProperty(e => e.ActorName, PersonErasure.Erased), ct);
                TicketRedaction.Redact(db, ticket, pseudonym, now);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return tickets.Count;
        }, cancellationToken);
    }
}
