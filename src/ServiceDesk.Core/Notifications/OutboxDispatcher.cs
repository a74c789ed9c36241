using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Notifications;

/// <summary>
/// Delivers the outbox. Per pass it takes, for each conversation, only the oldest pending message (so a failing
/// message holds back later ones to the same conversation, not to others), leases it with a conditional update
/// (several replicas never send the same message), sends it, and records the outcome on the same row under the
/// same lease: sent; retry later with exponential backoff (or the channel's retry-after), the channel held
/// meanwhile; or parked with its error after a permanent failure or too many attempts. A message whose sender died
/// mid-send is taken again once its lease runs out. A delivered card or ticket message is remembered as the ticket's
/// thread in that conversation (replies under it are about the ticket).
/// </summary>
public sealed class OutboxDispatcher
{
    private readonly IDbContextFactory<ServiceDeskDbContext> _dbFactory;
    private readonly Dictionary<string, IChannelSender> _senders;
    private readonly TimeProvider _time;
    private readonly OutboxOptions _options;
    private readonly ILogger _log;

    public OutboxDispatcher(
        IDbContextFactory<ServiceDeskDbContext> dbFactory,
        IEnumerable<IChannelSender> senders,
        TimeProvider time,
        IOptions<OutboxOptions> options,
        ILogger<OutboxDispatcher>? log = null)
    {
        _dbFactory = dbFactory;
        _senders = senders.ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);
        _time = time;
        _options = options.Value;
        _log = log ?? NullLogger<OutboxDispatcher>.Instance;
        Throttle = new OutboxChannelThrottle(_options);
    }

    /// <summary>This dispatcher's lease owner name: unique per process and instance.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public OutboxChannelThrottle Throttle { get; }

    /// <summary>One pass over the conversations with a message ready; returns how many messages were attempted.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        List<OutboxMessage> heads;
        await using (var db = await _dbFactory.CreateDbContextAsync(ct))
        {
            heads = await db.Outbox.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending
                    && !db.Outbox.Any(p => p.Status == OutboxStatus.Pending && p.Channel == m.Channel && p.ConversationId == m.ConversationId && p.Id < m.Id)
                    && m.NextAttemptAt <= now
                    && (m.LockedUntil == null || m.LockedUntil <= now))
                .OrderBy(m => m.Id)
                .Take(_options.BatchSize)
                .ToListAsync(ct);
        }

        // Heads are of different conversations: deliver them side by side (a slow chat API call no longer holds up the rest).
        var attempted = 0;
        await Parallel.ForEachAsync(heads, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = ct }, async (message, token) =>
        {
            if (Throttle.IsHeld(message.Channel, _time.GetUtcNow()))
                return;
            if (!await LeaseAsync(message.Id, token))
                return;
            Interlocked.Increment(ref attempted);
            await DeliverAsync(message, token);
        });
        return attempted;
    }

    /// <summary>
    /// When the earliest waiting message becomes ready (null when nothing is pending): its retry time, or later when
    /// its channel is held.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var perChannel = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending)
            .GroupBy(m => m.Channel)
            .Select(g => new { Channel = g.Key, Next = g.Min(m => m.NextAttemptAt) })
            .ToListAsync(ct);
        DateTimeOffset? next = null;
        foreach (var c in perChannel)
        {
            var ready = Throttle.HeldUntil(c.Channel) is { } held && held > c.Next ? held : c.Next;
            if (next is null || ready < next) next = ready;
        }
        return next;
    }

    private async Task<bool> LeaseAsync(long id, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var until = now + _options.LeaseDuration;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var taken = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, Owner).SetProperty(m => m.LockedUntil, until), ct);
        return taken == 1;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        string? error = null;
        DeliveryResult? result = null;
        OutboundMessage? delivered = null;
        var permanent = false;
        TimeSpan? retryAfter = null;
        try
        {
            if (!_senders.TryGetValue(message.Channel, out var sender))
                throw new ChannelDeliveryException($"No sender for channel '{message.Channel}' (is the channel configured?)", permanent: true);
            var outbound = JsonSerializer.Deserialize<OutboundMessage>(message.Payload, OutboundJson.Options)
                ?? throw new ChannelDeliveryException("The stored message is empty", permanent: true);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.LeaseDuration / 2);
            result = await sender.SendAsync(outbound, timeout.Token);
            delivered = outbound;
        }
        catch (ChannelDeliveryException ex)
        {
            (error, permanent, retryAfter) = (ex.Message, ex.Permanent, ex.RetryAfter);
        }
        catch (JsonException ex)
        {
            (error, permanent) = ($"The stored message is not readable: {ex.Message}", true);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        var now = _time.GetUtcNow();
        await using var db = await _dbFactory.CreateDbContextAsync(CancellationToken.None);
        var mine = db.Outbox.Where(m => m.Id == message.Id && m.LockedBy == Owner && m.Status == OutboxStatus.Pending);
        int updated;
        if (error is null)
        {
            Throttle.Succeeded(message.Channel);
            updated = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            if (updated == 1 && delivered is not null && result is not null)
                await RememberThreadAsync(db, delivered, result, now);
        }
        else
        {
            var attempts = message.Attempts + 1;
            var park = permanent || attempts >= _options.MaxAttempts;
            var delay = permanent ? TimeSpan.Zero : Throttle.Failed(message.Channel, now, retryAfter);
            var messageDelay = permanent ? TimeSpan.Zero : Max(delay, _options.DelayAfter(attempts, retryAfter));
            if (park)
                _log.LogError("Outbox message {Id} to {Channel}:{Conversation} parked after {Attempts} attempt(s): {Error}", message.Id, message.Channel, message.ConversationId, attempts, error);
            else
                _log.LogWarning("Outbox message {Id} to {Channel}:{Conversation} failed (attempt {Attempts}), retry in {Delay}: {Error}", message.Id, message.Channel, message.ConversationId, attempts, messageDelay, error);
            updated = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, park ? OutboxStatus.Parked : OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, now + messageDelay)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        if (updated == 0)
            _log.LogWarning("Outbox message {Id}: the lease ran out before the outcome was recorded; another dispatcher may send it again", message.Id);
    }

    /// <summary>A card or a message about a ticket starts a thread: replies to it are about that ticket.</summary>
    private static async Task RememberThreadAsync(ServiceDeskDbContext db, OutboundMessage message, DeliveryResult result, DateTimeOffset now)
    {
        var thread = result.ThreadId ?? result.PlatformMessageId;
        if (message.TicketKey is null || thread is null) return;
        var ticketId = await db.Tickets.Where(t => t.Key == message.TicketKey).Select(t => (long?)t.Id).FirstOrDefaultAsync();
        if (ticketId is null) return;
        var conversation = message.To.ConversationId;
        var exists = await db.TicketThreads.AnyAsync(x => x.Channel == message.To.Channel && x.ConversationId == conversation && x.ThreadId == thread);
        if (exists) return;
        db.TicketThreads.Add(new TicketThread { TicketId = ticketId.Value, Channel = message.To.Channel, ConversationId = conversation, ThreadId = thread, CreatedAt = now });
        await db.SaveChangesAsync();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
