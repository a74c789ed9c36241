using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Notifications;

namespace ServiceDesk.Core.Storage.Housekeeping;

/// <summary>
/// Keeps the tables that grow with every message bounded (<see cref="RetentionOptions"/>): handled-message ids, delivered
/// outbox messages and web transcripts older than their retention are deleted, oldest first, in batches so that no
/// delete holds the database for long. Every replica may run it: a row two replicas both delete is simply gone.
/// </summary>
public sealed class StoreHousekeeping(
    IDbContextFactory<ServiceDeskDbContext> dbFactory,
    IOptions<ServiceDeskOptions> options,
    TimeProvider clock,
    ILogger<StoreHousekeeping> logger) : BackgroundService
{
    /// <summary>One pass: deletes everything past its retention; returns the counts.</summary>
    public async Task<PruneResult> PruneOnceAsync(CancellationToken ct)
    {
        var r = options.Value.Retention;
        var now = clock.GetUtcNow();
        var processed = r.ProcessedMessages > TimeSpan.Zero
            ? await DeleteAllAsync(db => PrunableProcessed(db, now - r.ProcessedMessages).Take(r.BatchSize).ExecuteDeleteAsync(ct), r.BatchSize, ct)
            : 0;
        var sent = r.SentOutbox > TimeSpan.Zero
            ? await DeleteAllAsync(db => PrunableSent(db, now - r.SentOutbox).Take(r.BatchSize).ExecuteDeleteAsync(ct), r.BatchSize, ct)
            : 0;
        var transcripts = r.WebTranscripts > TimeSpan.Zero
            ? await DeleteAllAsync(db => PrunableTranscripts(db, now - r.WebTranscripts).Take(r.BatchSize).ExecuteDeleteAsync(ct), r.BatchSize, ct)
            : 0;
        var result = new PruneResult(processed, sent, transcripts);
        if (result.Total > 0)
            logger.LogInformation("Store pruned: {Processed} handled-message id(s), {Sent} delivered outbox message(s), {Transcripts} web transcript entries",
                processed, sent, transcripts);
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

    /// <summary>Runs batch deletes, each in its own short transaction, until a batch comes back short.</summary>
    private async Task<int> DeleteAllAsync(Func<ServiceDeskDbContext, Task<int>> batch, int size, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var deleted = await batch(db);
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
