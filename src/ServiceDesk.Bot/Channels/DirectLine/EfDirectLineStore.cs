using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Direct Line state in the service's database, so any replica serves any client and a restart loses nothing:
/// each room's activities in <c>channel_transcripts</c> (conversation = room, sequence = watermark), and each
/// Direct Line conversation as a <c>channel_state</c> entry. Appends are numbered inside the save that writes them
/// (inside the store's write gate; rooms' gates taken in order and held until the commit), so bot replies can be written in the same
/// transaction as the turn that made them; appends saved on their own are group-committed. The unique (channel, conversation, sequence) index guards against other
/// replicas: on a clash the room's position is re-read and the save retried. The latest activities of each room
/// stay in memory for the streams this process serves.
/// </summary>
public sealed class EfDirectLineStore : IDirectLineStore
{
    private readonly IDbContextFactory<ServiceDeskDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private const string Channel = InboundActivityMapper.Channel;
    private const string ConversationKeyPrefix = "directline:conversation:";
    private const int AppendAttempts = 5;
    private const int MaxCachedConversations = 50_000;

    private readonly ConcurrentDictionary<string, RoomCursor> _rooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DirectLineConversation> _bound = new(StringComparer.Ordinal);
    private readonly RoomAppendBatcher _batcher;

    public EfDirectLineStore(IDbContextFactory<ServiceDeskDbContext> dbFactory, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _time = time;
        _batcher = new RoomAppendBatcher(SaveAppendsAsync);
    }

    public async Task<bool> TryAddConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var key = ConversationKeyPrefix + conversation.Id;
        if (await db.ChannelState.AnyAsync(e => e.Channel == Channel && e.Key == key, cancellationToken))
            return false;
        db.ChannelState.Add(new ChannelStateEntry { Channel = Channel, Key = key, Value = Serialize(conversation), UpdatedAt = _time.GetUtcNow() });
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
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
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
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var key = ConversationKeyPrefix + conversationId;
        var entry = await db.ChannelState.FirstOrDefaultAsync(e => e.Channel == Channel && e.Key == key, cancellationToken)
            ?? throw new KeyNotFoundException($"conversation {conversationId} does not exist");
        var existing = Deserialize(conversationId, entry.Value);
        if (existing.IsBound)
            return Remember(existing);
        var position = await GetPositionAsync(room, cancellationToken);
        var bound = existing with { UserId = userId, Room = room, BaseSequence = position.LastSequence };
        entry.Value = Serialize(bound);
        entry.UpdatedAt = _time.GetUtcNow();
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

    public Task<StoredActivity> AppendAsync(string room, bool fromUser, Func<long, string?, string> build, CancellationToken cancellationToken) =>
        _batcher.AppendAsync(new RoomAppend(room, fromUser, build)).WaitAsync(cancellationToken);

    /// <summary>Saves appends in one transaction of their own (retried when another replica took a sequence first).</summary>
    private async Task<IReadOnlyList<StoredActivity>> SaveAppendsAsync(IReadOnlyList<RoomAppend> appends)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _dbFactory.CreateDbContextAsync();
            var batch = new AppendBatch(this, appends);
            db.Enlist(batch);
            try
            {
                await db.SaveChangesAsync();
                return batch.Stored!;
            }
            catch (DbUpdateException) when (attempt < AppendAttempts)
            {
                // another replica took one of these sequences: the rooms' positions are read again on the next attempt
            }
        }
    }

    /// <summary>
    /// Stages appends in <paramref name="db"/>'s save (see <see cref="ISaveParticipant"/>): takes the rooms' gates in
    /// a fixed order, numbers the activities after each room's end and adds their rows. <c>Completed</c> must be
    /// called with the save's outcome: it moves the rooms' ends (or has them re-read after a failure) and releases the
    /// gates.
    /// </summary>
    public async Task<(IReadOnlyList<StoredActivity> Stored, Action<bool> Completed)> StageAsync(
        ServiceDeskDbContext db, IReadOnlyList<RoomAppend> appends, CancellationToken cancellationToken)
    {
        var cursors = appends.Select(a => a.Room).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(room => (Room: room, Cursor: _rooms.GetOrAdd(room, _ => new RoomCursor()))).ToList();
        var held = new List<RoomCursor>();
        var rows = new List<ChannelTranscriptEntry>();
        var perRoom = new Dictionary<string, (List<StoredActivity> Added, string? LastUser)>(StringComparer.Ordinal);
        void Completed(bool committed)
        {
            foreach (var (room, cursor) in cursors.Where(c => held.Contains(c.Cursor)))
            {
                if (!committed)
                    cursor.Invalidate();
                else if (perRoom.TryGetValue(room, out var added))
                    cursor.Committed(added.Added, added.LastUser);
            }
            if (!committed)
                foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
            foreach (var cursor in held) cursor.Gate.Release();
        }

        try
        {
            foreach (var (room, cursor) in cursors)
            {
                await cursor.Gate.WaitAsync(cancellationToken);
                held.Add(cursor);
                if (!cursor.Loaded)
                    await cursor.LoadAsync(db, room, cancellationToken);
                perRoom[room] = ([], cursor.LastUserActivityId);
            }

            var stored = new List<StoredActivity>(appends.Count);
            var now = _time.GetUtcNow();
            foreach (var append in appends)
            {
                var (added, lastUser) = perRoom[append.Room];
                var sequence = (added.Count > 0 ? added[^1].Sequence : _rooms[append.Room].LastSequence) + 1;
                var activity = new StoredActivity(sequence, append.Build(sequence, lastUser));
                added.Add(activity);
                if (append.FromUser)
                    perRoom[append.Room] = (added, DirectLineIds.ActivityId(append.Room, sequence));
                stored.Add(activity);
                var row = new ChannelTranscriptEntry { Channel = Channel, ConversationId = append.Room, Sequence = sequence, Payload = activity.Json, CreatedAt = now };
                rows.Add(row);
                db.ChannelTranscripts.Add(row);
            }
            return (stored, Completed);
        }
        catch
        {
            Completed(false);
            throw;
        }
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadAsync(string room, long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChannelTranscripts.AsNoTracking()
            .Where(e => e.Channel == Channel && e.ConversationId == room && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(max)
            .Select(e => new StoredActivity(e.Sequence, e.Payload))
            .ToListAsync(cancellationToken);
    }

    public bool TryReadRecent(string room, long afterSequence, int max, out IReadOnlyList<StoredActivity> items)
    {
        items = [];
        return _rooms.TryGetValue(room, out var cursor) && cursor.TryReadRecent(afterSequence, max, out items);
    }

    public async Task<RoomPosition> GetPositionAsync(string room, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
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

    /// <summary>Appends saved on their own (users' activities): staged by the save, which holds the rooms' gates until it commits.</summary>
    private sealed class AppendBatch(EfDirectLineStore store, IReadOnlyList<RoomAppend> appends) : ISaveParticipant
    {
        private Action<bool>? _completed;

        public IReadOnlyList<StoredActivity>? Stored { get; private set; }

        public async Task BeforeSaveAsync(ServiceDeskDbContext db, CancellationToken cancellationToken)
        {
            var (stored, completed) = await store.StageAsync(db, appends, cancellationToken);
            Stored = stored;
            _completed = completed;
        }

        public void AfterSave(bool committed) => _completed?.Invoke(committed);
    }
}
