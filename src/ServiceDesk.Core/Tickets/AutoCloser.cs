using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Core.Tickets;

/// <summary>Closes resolved tickets the requester did not answer within <see cref="ServiceDeskOptions.AutoCloseAfter"/>.</summary>
public sealed class AutoCloser(
    IDbContextFactory<ServiceDeskDbContext> dbFactory,
    TextCatalog texts,
    PeopleDirectory people,
    IOptions<ServiceDeskOptions> options,
    TicketHooks hooks,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<AutoCloser> logger) : BackgroundService
{
    /// <summary>Closes what is due now; returns how many tickets it closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var cutoff = now - o.AutoCloseAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Tickets.Include(t => t.Events).Where(t => t.Status == TicketStatus.Resolved && t.ResolvedAt != null && t.ResolvedAt <= cutoff)
            .OrderBy(t => t.ResolvedAt).Take(200).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var outbox = new OutboxWriter(db, now);
        var notifier = new TicketNotifier(db, outbox, texts, people, o, now);
        var ctx = new LifecycleContext(now, TimeSpan.FromDays(o.ReopenWindowDays));
        foreach (var ticket in due)
            if (ticket.AutoClose(ctx).Allowed)
                await notifier.OnEventAsync(ticket, ticket.LastEvent!, ticket.Line, ct);
        await hooks.RunAsync(db, outbox, now, ct);
        await db.SaveChangesAsync(ct);
        if (outbox.Queued) signal.Notify();
        logger.LogInformation("Auto-closed {Count} resolved ticket(s)", due.Count);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Auto-close pass failed");
            }
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
