using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tickets;

/// <summary>
/// Hands out ticket numbers. On SQLite (one process) from a counter seeded from the store, so turns that open tickets
/// at the same moment never collide (a turn that is retried leaves a gap, as in most trackers); on PostgreSQL (several
/// replicas) the next number after the highest stored one, a collision being retried by the engine.
/// </summary>
public sealed class TicketNumbers
{
    private readonly Lock _lock = new();
    private int? _last;

    public async Task<int> NextAsync(ServiceDeskDbContext db, CancellationToken ct)
    {
        var local = db.Tickets.Local.Where(t => t.Id == 0).Select(t => t.Number).DefaultIfEmpty(0).Max();
        if (!db.OnSqlite)
            return Math.Max(local, await db.Tickets.MaxAsync(t => (int?)t.Number, ct) ?? 0) + 1;
        if (_last is null)
        {
            var stored = await db.Tickets.MaxAsync(t => (int?)t.Number, ct) ?? 0;
            lock (_lock) _last ??= stored;
        }
        lock (_lock)
        {
            _last = Math.Max(_last!.Value, local) + 1;
            return _last.Value;
        }
    }
}
