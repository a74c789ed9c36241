using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tickets;

/// <summary>Calls every <see cref="ITicketHook"/> for each ticket changed in a unit of work, before it is saved.</summary>
public sealed class TicketHooks(IEnumerable<ITicketHook> hooks)
{
    private readonly ITicketHook[] _hooks = hooks.ToArray();

    public async Task RunAsync(ServiceDeskDbContext db, OutboxWriter outbox, DateTimeOffset now, CancellationToken ct)
    {
        if (_hooks.Length == 0) return;
        foreach (var ticket in db.ChangeTracker.Entries<Ticket>().Select(e => e.Entity).ToList())
        {
            var added = ticket.Events.Where(e => db.Entry(e).State == EntityState.Added).ToList();
            if (added.Count == 0) continue;
            foreach (var hook in _hooks)
                await hook.OnSavingAsync(new TicketHookContext(db, outbox, ticket, added, now), ct);
        }
    }
}
