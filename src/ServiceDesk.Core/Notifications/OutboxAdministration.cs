using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Notifications;

/// <summary>What administrators see of the outbox (for the CLI and REST API): counts, parked messages, a retry and a drop.</summary>
public sealed class OutboxAdministration(IDbContextFactory<ServiceDeskDbContext> dbFactory, TimeProvider time)
{
    public async Task<OutboxCounts> CountsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byStatus = await db.Outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OutboxStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new OutboxCounts(Of(OutboxStatus.Pending), Of(OutboxStatus.Sent), Of(OutboxStatus.Parked));
    }

    /// <summary>Parked messages, newest first, with the error that parked them.</summary>
    public async Task<IReadOnlyList<ParkedOutboxMessage>> ParkedAsync(int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Parked)
            .OrderByDescending(m => m.Id)
            .Take(Math.Clamp(take, 1, 1000))
            .Select(m => new ParkedOutboxMessage(m.Id, m.CreatedAt, m.Channel, m.ConversationId, m.TicketKey, m.Attempts, m.LastError, m.Payload))
            .ToListAsync(ct);
    }

    /// <summary>Puts a parked message back in line (e.g. after the channel was fixed). False when no such parked message.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.ExecuteWriteAsync(c => db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Parked)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), c), ct);
        return n == 1;
    }

    /// <summary>Deletes a parked message that is not worth sending any more. False when no such parked message.</summary>
    public async Task<bool> DropAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.ExecuteWriteAsync(c => db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Parked).ExecuteDeleteAsync(c), ct);
        return n == 1;
    }
}
