using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Notifications;

/// <summary>
/// Delivers the outbox: oldest first, one message at a time per conversation (a failing message holds back the later
/// ones of its conversation only), retries with backoff, parks what keeps failing with its error.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<ServiceDeskDbContext> dbFactory,
    IEnumerable<IChannelSender> senders,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    public const int MaxAttempts = 10;
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);

    /// <summary>One pass: sends what is due. Returns how many messages were delivered.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var pending = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.Id).Take(500).ToListAsync(ct);
        var heads = pending.GroupBy(m => (m.Channel, m.ConversationId)).Select(g => g.First()).Where(m => m.NextAttemptAt <= now).ToList();
        var delivered = 0;
        foreach (var item in heads)
        {
            if (await DeliverAsync(db, item, now, ct)) delivered++;
            await db.SaveChangesAsync(ct);
        }
        return delivered;
    }

    /// <summary>When the next pending message is due (null: nothing pending).</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Outbox.Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(ct);
    }

    private async Task<bool> DeliverAsync(ServiceDeskDbContext db, OutboxMessage item, DateTimeOffset now, CancellationToken ct)
    {
        item.Attempts++;
        if (!_senders.TryGetValue(item.Channel, out var sender))
        {
            Park(item, $"no channel '{item.Channel}' is enabled to deliver this message");
            return false;
        }
        OutboundMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<OutboundMessage>(item.Payload, OutboundJson.Options);
        }
        catch (JsonException ex)
        {
            Park(item, "unreadable payload: " + ex.Message);
            return false;
        }
        if (message is null)
        {
            Park(item, "empty payload");
            return false;
        }
        try
        {
            var result = await sender.SendAsync(message, ct);
            item.Status = OutboxStatus.Sent;
            item.SentAt = clock.GetUtcNow();
            item.LastError = null;
            await RememberThreadAsync(db, message, result, now, ct);
            return true;
        }
        catch (ChannelDeliveryException ex) when (ex.Permanent)
        {
            Park(item, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var retryAfter = (ex as ChannelDeliveryException)?.RetryAfter;
            if (item.Attempts >= MaxAttempts) Park(item, ex.Message);
            else
            {
                item.LastError = ex.Message;
                item.NextAttemptAt = now + (retryAfter ?? Backoff(item.Attempts));
                logger.LogWarning("Delivery of outbox message {Id} to {Channel}:{Conversation} failed (attempt {Attempt}): {Error}",
                    item.Id, item.Channel, item.ConversationId, item.Attempts, ex.Message);
            }
        }
        return false;
    }

    /// <summary>Exponential backoff: 2 s, 4 s, 8 s… capped at 5 minutes.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Clamp(attempt, 1, 10))));

    private void Park(OutboxMessage item, string error)
    {
        item.Status = OutboxStatus.Parked;
        item.LastError = error;
        logger.LogError("Outbox message {Id} to {Channel}:{Conversation} parked: {Error}", item.Id, item.Channel, item.ConversationId, error);
    }

    /// <summary>A card or a message about a ticket starts a thread: replies to it are about that ticket.</summary>
    private static async Task RememberThreadAsync(ServiceDeskDbContext db, OutboundMessage message, DeliveryResult result, DateTimeOffset now, CancellationToken ct)
    {
        var thread = result.ThreadId ?? result.PlatformMessageId;
        if (message.TicketKey is null || thread is null) return;
        var ticketId = await db.Tickets.Where(t => t.Key == message.TicketKey).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
        if (ticketId is null) return;
        var conversation = message.To.ConversationId;
        var exists = await db.TicketThreads.AnyAsync(x => x.Channel == message.To.Channel && x.ConversationId == conversation && x.ThreadId == thread, ct);
        if (!exists)
            db.TicketThreads.Add(new TicketThread { TicketId = ticketId.Value, Channel = message.To.Channel, ConversationId = conversation, ThreadId = thread, CreatedAt = now });
    }
}
