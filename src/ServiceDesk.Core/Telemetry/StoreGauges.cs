using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Telemetry;

/// <summary>
/// What the store says right now, for a metrics scrape: the outbox's backlog (pending, parked, the age of the oldest
/// pending message: a delivery that has stalled shows as an age that keeps growing) and the open tickets by line and
/// priority. Index seeks on (Status, …); nothing is kept in memory between scrapes.
/// </summary>
public sealed class StoreGauges(IDbContextFactory<ServiceDeskDbContext> dbFactory, TimeProvider time)
{
    private static readonly TicketStatus[] Open = [TicketStatus.New, TicketStatus.InProgress, TicketStatus.WaitingForUser];

    public async Task<StoreGaugeReading> ReadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var pending = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, ct);
        var parked = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Parked, ct);
        var oldest = pending == 0
            ? (DateTimeOffset?)null
            : await db.Outbox.Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        var open = await db.Tickets.Where(t => Open.Contains(t.Status))
            .GroupBy(t => new { t.Line, t.Priority })
            .Select(g => new { g.Key.Line, g.Key.Priority, Count = g.Count() })
            .ToListAsync(ct);
        var age = oldest is { } at ? Max(time.GetUtcNow() - at, TimeSpan.Zero) : TimeSpan.Zero;
        return new StoreGaugeReading(pending, parked, age,
            open.OrderBy(o => o.Line).ThenBy(o => o.Priority).Select(o => new OpenTicketCount(o.Line, o.Priority, o.Count)).ToList());
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
