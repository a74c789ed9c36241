using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Direct Line state in the service's database, so any replica serves any client and a restart loses nothing:
/// each room's activities in <c>channel_transcripts</c> (conversation = room, sequence = watermark), and each
/// Direct Line conversation as a <c>channel_state</c> entry. Appends to a room are serialized in this process and
/// guarded by the unique (channel, conversation, sequence) index against other replicas: on a clash the room's
/// position is re-read and the append retried.
/// </summary>
public sealed class EfDirectLineStore(IDbContextFactory<ServiceDeskDbContext> dbFactory, TimeProvider time) : IDirectLineStore
{
    private const string Channel = InboundActivityMapper.Channel;
    private const string ConversationKeyPrefix = "directline:conversation:";
    private const int AppendAttempts = 5;
    private const int MaxCachedConversations = 50_000;

    private readonly ConcurrentDictionary<string, RoomCursor> _rooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DirectLineConversation> _bound = new(StringComparer.Ordinal);

    public async Task<bool> TryAddConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = ConversationKeyPrefix + conversation.Id;
        if (await db.ChannelState.AnyAsync(e => e.Channel == Channel && e.Key == key, cancellationToken))
            return false;
        db.ChannelState.Add(new ChannelStateEntry { Channel = Channel, Key = key, Value = Serialize(conversation), UpdatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return false; // another request added it first
        }

        if (conversation.IsBound)
            Remember(conversation);
        return true;
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_bound.TryGetValue(conversationId, out var cached))
            return cached;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = ConversationKeyPrefix + conversationId;
        var entry = await db.ChannelState.AsNoTracking().FirstOrDefaultAsync(e => e.Channel == Channel && e.Key == key, cancellationToken);
        if (entry is null)
            return null;
        var conversation = Deserialize(conversationId, entry.Value);
        if (conversation.IsBound)
            Remember(conversation); // bound conversations never change again
        return conversation;
    }

    public async Task<DirectLineConversation> BindToRoomAsync(string conversationId, string userId, string room, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = ConversationKeyPrefix + conversationId;
        var entry = await db.ChannelState.FirstOrDefaultAsync(e => e.Channel == Channel && e.Key == key, cancellationToken)
            ?? throw new KeyNotFoundException($"conversation {conversationId} does not exist");
        var existing = Deserialize(conversationId, entry.Value);
        if (existing.IsBound)
            return Remember(existing);
        var position = await GetPositionAsync(room, cancellationToken);
        var bound = existing with { UserId = userId, Room = room, BaseSequence = position.LastSequence };
        entry.Value = Serialize(bound);
        entry.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Remember(bound);
    }

    /// <summary>Caches a bound conversation; the cache is dropped whole when it grows past its bound (the database has them all).</summary>
    private DirectLineConversation Remember(DirectLineConversation conversation)
    {
        if (_bound.Count >= MaxCachedConversations)
            _bound.Clear();
        return _bound[conversation.Id] = conversation;
    }

    public async Task<StoredActivity> AppendAsync(string room, bool fromUser, Func<long, string?, string> build, CancellationToken cancellationToken)
    {
        var cursor = _rooms.GetOrAdd(room, _ => new RoomCursor());
        await cursor.Gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!cursor.Loaded)
                await cursor.LoadAsync(db, room, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                var sequence = cursor.LastSequence + 1;
                var entry = new ChannelTranscriptEntry
                {
                    Channel = Channel,
                    ConversationId = room,
                    Sequence = sequence,
                    Payload = build(sequence, cursor.LastUserActivityId),
                    CreatedAt = time.GetUtcNow(),
                };
                db.ChannelTranscripts.Add(entry);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException) when (attempt < AppendAttempts)
                {
                    // another replica took this sequence: catch up and try again
                    db.ChangeTracker.Clear();
                    await cursor.LoadAsync(db, room, cancellationToken);
                    continue;
                }

                cursor.LastSequence = sequence;
                if (fromUser)
                    cursor.LastUserActivityId = DirectLineIds.ActivityId(room, sequence);
                return new StoredActivity(sequence, entry.Payload);
            }
        }
        finally
        {
            cursor.Gate.Release();
        }
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadAsync(string room, long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChannelTranscripts.AsNoTracking()
            .Where(e => e.Channel == Channel && e.ConversationId == room && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(max)
            .Select(e => new StoredActivity(e.Sequence, e.Payload))
            .ToListAsync(cancellationToken);
    }

    public async Task<RoomPosition> GetPositionAsync(string room, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RoomCursor.ReadPositionAsync(db, room, cancellationToken);
    }

    private static string Serialize(DirectLineConversation c) =>
        JsonSerializer.Serialize(new StoredConversation(c.UserId, c.Room, c.BaseSequence, c.Locale, c.CreatedAt), DirectLineJson.Options);

    private static DirectLineConversation Deserialize(string id, string json)
    {
        var s = JsonSerializer.Deserialize<StoredConversation>(json, DirectLineJson.Options)
            ?? throw new InvalidDataException($"Direct Line conversation {id} is stored as null");
        return new DirectLineConversation(id, s.UserId, s.Room, s.BaseSequence, s.Locale, s.CreatedAt);
    }

    private sealed record StoredConversation(string? UserId, string? Room, long BaseSequence, string? Locale, DateTimeOffset CreatedAt);

    /// <summary>This process's view of where a room's log ends; re-read from the database when it may be stale.</summary>
    private sealed class RoomCursor
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public bool Loaded { get; private set; }

        public long LastSequence { get; set; }

        public string? LastUserActivityId { get; set; }

        public async Task LoadAsync(ServiceDeskDbContext db, string room, CancellationToken ct)
        {
            var position = await ReadPositionAsync(db, room, ct);
            LastSequence = position.LastSequence;
            LastUserActivityId = position.LastUserActivityId;
            Loaded = true;
        }

        public static async Task<RoomPosition> ReadPositionAsync(ServiceDeskDbContext db, string room, CancellationToken ct)
        {
            var recent = await db.ChannelTranscripts.AsNoTracking()
                .Where(e => e.Channel == Channel && e.ConversationId == room)
                .OrderByDescending(e => e.Sequence)
                .Take(50)
                .Select(e => new { e.Sequence, e.Payload })
                .ToListAsync(ct);
            if (recent.Count == 0)
                return new RoomPosition(0, null);
            var lastUser = recent.FirstOrDefault(e => IsFromUser(e.Payload));
            return new RoomPosition(recent[0].Sequence, lastUser is null ? null : DirectLineIds.ActivityId(room, lastUser.Sequence));
        }

        private static bool IsFromUser(string payload)
        {
            try
            {
                return JsonNode.Parse(payload)?["from"]?["role"]?.GetValue<string>() == "user";
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return false;
            }
        }
    }
}
