using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Telemetry;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// The SLA monitor's work, without a loop: fire every timer that is due, in batches, each batch in one transaction
/// with the notifications it causes (written to the outbox) and the timers marked fired (on SQLite a batch holds the
/// write gate throughout, see <see cref="ServiceDeskDbContext.RunWriteTransactionAsync{T}"/>). It reads timers through the
/// (FiredAt, DueAt) index only, so a pass costs in proportion to the timers due, not to the open tickets.
/// </summary>
public sealed class SlaMonitor(
    IDbContextFactory<ServiceDeskDbContext> dbFactory,
    SlaTracker tracker,
    TicketHooks hooks,
    OutboxSignal signal,
    TextCatalog texts,
    PeopleDirectory people,
    IOptions<ServiceDeskOptions> options,
    TimeProvider time,
    ServiceDeskMetrics? metrics = null)
{
    public const int BatchSize = 500;

    /// <summary>Fires what is due now; returns how many timers fired and when the next one is due.</summary>
    public async Task<SlaPassResult> RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var fired = 0;
        while (true)
        {
            var n = await RunBatchAsync(now, ct);
            fired += n;
            if (n < BatchSize)
                break;
        }
        return new SlaPassResult(fired, await NextDueAsync(ct));
    }

    /// <summary>The earliest unfired timer (one index seek).</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SlaTimer>().Where(t => t.FiredAt == null)
            .OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(ct);
    }

    private async Task<int> RunBatchAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RunWriteTransactionAsync(c => RunBatchAsync(db, now, c), ct);
    }

    private async Task<int> RunBatchAsync(ServiceDeskDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Set<SlaTimer>().AsNoTracking()
            .Where(t => t.FiredAt == null && t.DueAt <= now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
            return 0;

        var ids = due.Select(t => t.TicketId).Distinct().ToList();
        // read-only: the monitor attaches a ticket only when it changes it (automatic escalation)
        var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var clocks = await db.Set<TicketSla>().AsNoTracking().Where(s => ids.Contains(s.TicketId)).ToDictionaryAsync(s => s.TicketId, ct);

        var outbox = new OutboxWriter(db, now);
        var alerts = new SlaAlerts(db, outbox, texts, people, options.Value, tracker.Clock, now);
        await alerts.PrefetchAsync(tickets.Values, ct);
        foreach (var group in due.GroupBy(t => t.TicketId))
        {
            if (!tickets.TryGetValue(group.Key, out var ticket) || !ticket.IsOpen || !clocks.TryGetValue(group.Key, out var clock))
                continue;
            await alerts.FireAsync(ticket, clock, group.ToList(), ct);
        }

        // mark fired in one statement, only where still unfired: if another replica was first, drop this batch
        var dueIds = due.Select(t => t.Id).ToList();
        var marked = await db.Set<SlaTimer>().Where(t => dueIds.Contains(t.Id) && t.FiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredAt, now), ct);
        if (marked != due.Count)
        {
            await tx.RollbackAsync(ct);
            return due.Count;
        }

        if (alerts.Escalated)
            await hooks.RunAsync(db, outbox, now, ct); // the SLA clocks and any other hook see the automatic escalation
        var notified = await OutboxBulkInsert.FlushAddedAsync(db, ct) > 0;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (notified)
            signal.Notify();
        foreach (var (alert, target, priority) in alerts.Fired)
            metrics?.SlaAlert(alert, target, priority.ToString());
        return due.Count;
    }
}

public sealed record SlaPassResult(int Fired, DateTimeOffset? NextDueAt);
