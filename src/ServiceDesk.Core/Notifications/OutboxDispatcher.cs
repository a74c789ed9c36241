using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Telemetry;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Notifications;

/// <summary>
/// Delivers the outbox. Per pass it takes, for each conversation, only the oldest pending message (so a failing
/// message holds back later ones to the same conversation, not to others), leases them with one conditional update
/// (several replicas never send the same message), sends them — per channel a first probe, then side by side while
/// the channel answers — and records the outcomes under the same lease (successes in one update): sent; retry later with exponential backoff (or the channel's retry-after), the channel held
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
    private readonly ServiceDeskMetrics? _metrics;

    public OutboxDispatcher(
        IDbContextFactory<ServiceDeskDbContext> dbFactory,
        IEnumerable<IChannelSender> senders,
        TimeProvider time,
        IOptions<OutboxOptions> options,
        ILogger<OutboxDispatcher>? log = null,
        ServiceDeskMetrics? metrics = null)
    {
        _metrics = metrics;
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

        heads = heads.Where(m => !Throttle.IsHeld(m.Channel, now)).ToList();
        if (heads.Count == 0) return 0;
        var leased = await LeaseAsync(heads.Select(m => m.Id).ToList(), ct);
        heads = heads.Where(m => leased.Contains(m.Id)).ToList();

        // Heads are of different conversations. Per channel the first is a probe; when it goes through, the rest are sent
        // side by side; after a failure they go one by one, so a 429 or an outage holds the channel before the next try.
        var outcomes = new Dictionary<long, Outcome>();
        var gate = new Lock();
        await Task.WhenAll(heads.GroupBy(m => m.Channel).Select(channel => SendChannelAsync(channel.ToList(), outcomes, gate, ct)));
        await RecordAsync(heads, heads.Select(m => outcomes[m.Id]).ToArray());
        return heads.Count(m => !outcomes[m.Id].Skipped);
    }

    private async Task SendChannelAsync(List<OutboxMessage> messages, Dictionary<long, Outcome> outcomes, Lock gate, CancellationToken ct)
    {
        void Put(long id, Outcome o)
        {
            lock (gate) outcomes[id] = o;
        }
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (Throttle.IsHeld(message.Channel, _time.GetUtcNow()))
            {
                Put(message.Id, Outcome.NotTried);
                continue;
            }
            var outcome = await SendAsync(message, ct);
            Put(message.Id, outcome);
            if (outcome.Error is null)
            {
                var rest = messages.Skip(i + 1).ToList();
                await Parallel.ForEachAsync(rest, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = ct },
                    async (m, token) => Put(m.Id, Throttle.IsHeld(m.Channel, _time.GetUtcNow()) ? Outcome.NotTried : await SendAsync(m, token)));
                return;
            }
        }
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

    /// <summary>Leases the messages with one conditional update; returns the ids this dispatcher now holds.</summary>
    private async Task<HashSet<long>> LeaseAsync(List<long> ids, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var until = now + _options.LeaseDuration;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        await db.ExecuteWriteAsync(c => db.Outbox
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, Owner).SetProperty(m => m.LockedUntil, until), c), ct);
        return (await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.LockedBy == Owner && m.Status == OutboxStatus.Pending)
            .Select(m => m.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>What one send attempt gave.</summary>
    private sealed record Outcome(OutboundMessage? Delivered, DeliveryResult? Result, string? Error, bool Permanent, TimeSpan? RetryAfter)
    {
        /// <summary>Not sent: its channel was held meanwhile. The lease is given back, the attempt not counted.</summary>
        public static Outcome NotTried { get; } = new(null, null, null, false, null) { Skipped = true };

        public bool Skipped { get; init; }

        /// <summary>How long the failure holds the channel (taken from the throttle when it happened).</summary>
        public TimeSpan ChannelDelay { get; init; }
    }

    private async Task<Outcome> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            if (!_senders.TryGetValue(message.Channel, out var sender))
                throw new ChannelDeliveryException($"No sender for channel '{message.Channel}' (is the channel configured?)", permanent: true);
            var outbound = JsonSerializer.Deserialize<OutboundMessage>(message.Payload, OutboundJson.Options)
                ?? throw new ChannelDeliveryException("The stored message is empty", permanent: true);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.LeaseDuration / 2);
            var result = await sender.SendAsync(outbound, timeout.Token);
            return new Outcome(outbound, result, null, false, null);
        }
        catch (ChannelDeliveryException ex)
        {
            return Failed(message, ex.Message, ex.Permanent, ex.RetryAfter, ex.ConversationOnly);
        }
        catch (JsonException ex)
        {
            return Failed(message, $"The stored message is not readable: {ex.Message}", true, null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return Failed(message, $"{ex.GetType().Name}: {ex.Message}", false, null);
        }
    }

    private Outcome Failed(OutboxMessage message, string error, bool permanent, TimeSpan? retryAfter, bool conversationOnly = false) =>
        new(null, null, error, permanent, retryAfter)
        {
            ChannelDelay = permanent ? TimeSpan.Zero
                : conversationOnly && retryAfter is { } wait ? Throttle.ConversationLimited(message.Channel, message.ConversationId, _time.GetUtcNow(), wait)
                : Throttle.Failed(message.Channel, _time.GetUtcNow(), retryAfter),
        };

    /// <summary>
    /// Records the outcomes under this dispatcher's lease: all successes in one update (and their threads in one save),
    /// each failure on its own row (retry time, or parked).
    /// </summary>
    private async Task RecordAsync(List<OutboxMessage> messages, Outcome[] outcomes)
    {
        var now = _time.GetUtcNow();
        await using var db = await _dbFactory.CreateDbContextAsync(CancellationToken.None);
        var skipped = messages.Where((_, i) => outcomes[i].Skipped).Select(m => m.Id).ToList();
        if (skipped.Count > 0)
            await db.ExecuteWriteAsync(c => db.Outbox.Where(m => skipped.Contains(m.Id) && m.LockedBy == Owner)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), c));
        var delivered = messages.Where((_, i) => outcomes[i] is { Error: null, Skipped: false }).ToList();
        var sent = delivered.Select(m => m.Id).ToList();
        if (sent.Count > 0)
        {
            foreach (var channel in delivered.Select(m => m.Channel).Distinct())
                Throttle.Succeeded(channel);
            foreach (var message in delivered)
                _metrics?.Delivery(message.Channel, "sent");
            var updated = await db.ExecuteWriteAsync(c => db.Outbox.Where(m => sent.Contains(m.Id) && m.LockedBy == Owner && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sent)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), c));
            if (updated < sent.Count)
                _log.LogWarning("{Count} outbox message(s): the lease ran out before the outcome was recorded; another dispatcher may send them again", sent.Count - updated);
            await RememberThreadsAsync(db, outcomes.Where(o => o is { Error: null, Skipped: false }).ToList(), now);
        }
        for (var i = 0; i < messages.Count; i++)
        {
            if (outcomes[i] is not { Error: { } error } outcome) continue;
            var message = messages[i];
            var attempts = message.Attempts + 1;
            var park = outcome.Permanent || attempts >= _options.MaxAttempts;
            var delay = outcome.ChannelDelay;
            var messageDelay = outcome.Permanent ? TimeSpan.Zero : Max(delay, _options.DelayAfter(attempts, outcome.RetryAfter));
            _metrics?.Delivery(message.Channel, park ? "parked" : "retry");
            if (park)
                _log.LogError("Outbox message {Id} to {Channel}:{Conversation} parked after {Attempts} attempt(s): {Error}", message.Id, message.Channel, message.ConversationId, attempts, error);
            else
                _log.LogWarning("Outbox message {Id} to {Channel}:{Conversation} failed (attempt {Attempts}), retry in {Delay}: {Error}", message.Id, message.Channel, message.ConversationId, attempts, messageDelay, error);
            var updated = await db.ExecuteWriteAsync(c => db.Outbox.Where(m => m.Id == message.Id && m.LockedBy == Owner && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, park ? OutboxStatus.Parked : OutboxStatus.Pending)
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAt, now + messageDelay)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), c));
            if (updated == 0)
                _log.LogWarning("Outbox message {Id}: the lease ran out before the outcome was recorded; another dispatcher may send it again", message.Id);
        }
    }

    private static async Task RememberThreadsAsync(ServiceDeskDbContext db, List<Outcome> delivered, DateTimeOffset now)
    {
        await TicketThreadRecorder.AddAsync(db, delivered.Select(o => (o.Delivered!, o.Result!.ThreadId ?? o.Result.PlatformMessageId)), now, CancellationToken.None);
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
