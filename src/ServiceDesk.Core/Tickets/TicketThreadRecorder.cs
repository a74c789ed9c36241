using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tickets;

/// <summary>
/// A delivered card or message about a ticket starts a thread: replies under it are about that ticket. Adds the
/// threads to the unit of work (not saved), for tickets already stored and for tickets new in the same unit.
/// </summary>
public static class TicketThreadRecorder
{
    /// <param name="freshThreads">The thread ids were just made (new message ids): no need to look for them stored.</param>
    public static async Task AddAsync(ServiceDeskDbContext db, IEnumerable<(OutboundMessage Message, string? Thread)> delivered, DateTimeOffset now, CancellationToken ct,
        bool freshThreads = false)
    {
        var threads = delivered.Where(x => x.Message.TicketKey is not null && x.Thread is not null).ToList();
        if (threads.Count == 0) return;
        var keys = threads.Select(x => x.Message.TicketKey!).Distinct().ToList();
        var local = db.Tickets.Local.Where(t => keys.Contains(t.Key)).ToDictionary(t => t.Key);
        var missing = keys.Where(k => !local.ContainsKey(k)).ToList();
        var stored = missing.Count == 0 ? [] : await db.Tickets.Where(t => missing.Contains(t.Key)).ToDictionaryAsync(t => t.Key, t => t.Id, ct);
        var recorded = freshThreads ? [] : await StoredThreadsAsync(db, threads, ct);
        foreach (var (message, thread) in threads)
        {
            var conversation = message.To.ConversationId;
            var channel = message.To.Channel;
            if (recorded.Contains((channel, conversation, thread!))) continue;
            if (db.TicketThreads.Local.Any(x => x.Channel == channel && x.ConversationId == conversation && x.ThreadId == thread)) continue;
            var row = new TicketThread { Channel = channel, ConversationId = conversation, ThreadId = thread!, CreatedAt = now };
            if (local.TryGetValue(message.TicketKey!, out var ticket)) row.Ticket = ticket;
            else if (stored.TryGetValue(message.TicketKey!, out var id)) row.TicketId = id;
            else continue;
            db.TicketThreads.Add(row);
        }
    }

    /// <summary>Which of the threads are recorded already, in one query.</summary>
    private static async Task<HashSet<(string, string, string)>> StoredThreadsAsync(
        ServiceDeskDbContext db, List<(OutboundMessage Message, string? Thread)> threads, CancellationToken ct)
    {
        var channels = threads.Select(t => t.Message.To.Channel).Distinct().ToList();
        var conversations = threads.Select(t => t.Message.To.ConversationId).Distinct().ToList();
        var ids = threads.Select(t => t.Thread!).Distinct().ToList();
        var rows = await db.TicketThreads
            .Where(x => channels.Contains(x.Channel) && conversations.Contains(x.ConversationId) && ids.Contains(x.ThreadId))
            .Select(x => new { x.Channel, x.ConversationId, x.ThreadId })
            .ToListAsync(ct);
        return rows.Select(x => (x.Channel, x.ConversationId, x.ThreadId)).ToHashSet();
    }
}
