using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Privacy;

namespace ServiceDesk.Core.Storage.Housekeeping;

/// <summary>
/// Keeps the tables that grow with every message bounded (<see cref="RetentionOptions"/>): handled-message ids, delivered
/// outbox messages and web transcripts older than their retention are deleted, oldest first, in batches so that no
/// delete holds the database for long; so are the channel adapters' records they register as expiring
/// (<see cref="ExpiringChannelState"/>). Closed tickets past theirs are anonymised (<see cref="ClosedTicketAnonymiser"/>).
/// Every replica may run it: a row two replicas both delete is simply gone.
/// </summary>
public sealed class StoreHousekeeping(
    IDbContextFactory<ServiceDeskDbContext> dbFactory,
    IOptions<ServiceDeskOptions> options,
    IEnumerable<ExpiringChannelState> expiring,
    ClosedTicketAnonymiser closedTickets,
    TimeProvider clock,
    ILogger<StoreHousekeeping> logger) : BackgroundService
{
    /// <summary>One pass: deletes everything past its retention; returns the counts.</summary>
    public async Task<PruneResult> PruneOnceAsync(CancellationToken ct)
    {
        var r = options.Value.Retention;
        var processed = await PruneAsync(r.ProcessedMessages, PrunableProcessed, ct);
        var sent = await PruneAsync(r.SentOutbox, PrunableSent, ct);
        var transcripts = await PruneAsync(r.WebTranscripts, PrunableTranscripts, ct);
        var state = 0;
        foreach (var kind in expiring)
            state += await PruneAsync(kind.Retention(r), (db, cutoff) => PrunableState(db, cutoff, kind), ct);
        var anonymised = r.ClosedTicketsPersonalData > TimeSpan.Zero
            ? await closedTickets.AnonymiseAsync(clock.GetUtcNow() - r.ClosedTicketsPersonalData, r.BatchSize, ct)
            : 0;
        var result = new PruneResult(processed, sent, transcripts, state, anonymised);
        if (result.Total > 0)
            logger.LogInformation("Store pruned: {Processed} handled-message id(s), {Sent} delivered outbox message(s), {Transcripts} web transcript entries, {State} channel record(s); {Anonymised} closed ticket(s) anonymised",
                processed, sent, transcripts, state, anonymised);
        return result;
    }

    private static IQueryable<ProcessedMessage> PrunableProcessed(ServiceDeskDbContext db, DateTimeOffset cutoff) =>
        db.ProcessedMessages.Where(p => p.ProcessedAt < cutoff).OrderBy(p => p.ProcessedAt);

    private static IQueryable<OutboxMessage> PrunableSent(ServiceDeskDbContext db, DateTimeOffset cutoff) =>
        db.Outbox.Where(m => m.Status == OutboxStatus.Sent && m.SentAt < cutoff).OrderBy(m => m.Id);

    /// <summary>Old entries except each conversation's newest: the next append numbers on from it.</summary>
    private static IQueryable<ChannelTranscriptEntry> PrunableTranscripts(ServiceDeskDbContext db, DateTimeOffset cutoff) =>
        db.ChannelTranscripts
            .Where(e => e.CreatedAt < cutoff
                && db.ChannelTranscripts.Any(n => n.Channel == e.Channel && n.ConversationId == e.ConversationId && n.Sequence > e.Sequence))
            .OrderBy(e => e.Id);

    private static IQueryable<ChannelStateEntry> PrunableState(ServiceDeskDbContext db, DateTimeOffset cutoff, ExpiringChannelState kind) =>
        db.ChannelState.Where(e => e.Channel == kind.Channel && e.Key.StartsWith(kind.KeyPrefix) && e.UpdatedAt < cutoff).OrderBy(e => e.UpdatedAt);

    /// <summary>
    /// Deletes what <paramref name="prunable"/> selects for the cutoff (nothing for a zero retention), in batch deletes of
    /// their own short transactions, until a batch comes back short.
    /// </summary>
    private async Task<int> PruneAsync<T>(TimeSpan retention, Func<ServiceDeskDbContext, DateTimeOffset, IQueryable<T>> prunable, CancellationToken ct)
    {
        if (retention <= TimeSpan.Zero)
            return 0;
        var cutoff = clock.GetUtcNow() - retention;
        var size = options.Value.Retention.BatchSize;
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var deleted = await db.ExecuteWriteAsync(c => prunable(db, cutoff).Take(size).ExecuteDeleteAsync(c), ct);
            total += deleted;
            if (deleted < size)
                return total;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Retention.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pruning the store failed; trying again in {Interval}", options.Value.Retention.Interval);
            }
        }
    }
}
