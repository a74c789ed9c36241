using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Direct Line state in the service's database, so any replica serves any client and a restart loses nothing:
/// each room's activities in <c>channel_transcripts</c> (conversation = room, sequence = watermark), and each
/// Direct Line conversation as a <c>channel_state</c> entry. Appends are numbered inside the save that writes them
/// (inside the store's write gate; rooms' gates taken in order and held until the commit), so bot replies can be
/// written in the same transaction as the turn that made them; appends saved on their own are group-committed. The
/// unique (channel, conversation, sequence) index guards against other replicas: on a clash the room's position is
/// re-read and the save retried. The latest activities of the rooms this process streams stay in memory for those
/// streams.
/// </summary>
public sealed class EfDirectLineStore : IDirectLineStore
{
    private const string Channel = InboundActivityMapper.Channel;
    /// <summary>The key prefix of Direct Line conversations in <c>channel_state</c> (pruned past their retention).</summary>
    public const string ConversationKeyPrefix = "directline:conversation:";
    private const int AppendAttempts = 5;
    private const int MaxCachedConversations = 50_000;
    private const int MaxCachedRooms = 5_000;

    private readonly IDbContextFactory<ServiceDeskDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, RoomCursor> _rooms = new(StringComparer.Ordinal);
    /// <summary>How long a cached bound conversation is trusted before the store is asked again (it may have been pruned).</summary>
    public static readonly TimeSpan CachedConversationLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (DirectLineConversation Conversation, DateTimeOffset Until)> _bound = new(StringComparer.Ordinal);
    private readonly RoomAppendBatcher _batcher;
    private readonly ConditionalWeakTable<ServiceDeskDbContext, RoomSaveBatch> _saves = new();
    private readonly Lazy<bool> _onSqlite;

    public EfDirectLineStore(IDbContextFactory<ServiceDeskDbContext> dbFactory, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _time = time;
        _batcher = new RoomAppendBatcher(SaveAppendsAsync);
        _onSqlite = new Lazy<bool>(() =>
        {
            using var db = dbFactory.CreateDbContext();
            return db.Database.IsSqlite();
        });
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
        if (_bound.TryGetValue(conversationId, out var cached) && _time.GetUtcNow() < cached.Until)
            return cached.Conversation;
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

    /// <summary>
    /// Caches a bound conversation (it never changes again) for a few minutes: long enough to spare a read per request,
    /// short enough that one pruned past its retention is soon unknown here too. The cache is dropped whole when it grows
    /// past its bound (the database has them all).
    /// </summary>
    private DirectLineConversation Remember(DirectLineConversation conversation)
    {
        if (_bound.Count >= MaxCachedConversations)
            _bound.Clear();
        _bound[conversation.Id] = (conversation, _time.GetUtcNow() + CachedConversationLifetime);
        return conversation;
    }

    public Task<StoredActivity> AppendAsync(string room, bool fromUser, Func<long, string?, string> build, CancellationToken cancellationToken) =>
        _batcher.AppendAsync(new RoomAppend(room, fromUser, build)).WaitAsync(cancellationToken);

    /// <summary>Saves appends in one transaction of their own (retried when another replica took a sequence first).</summary>
    private async Task<IReadOnlyList<StoredActivity>> SaveAppendsAsync(IReadOnlyList<RoomAppend> appends)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _dbFactory.CreateDbContextAsync();
            var batch = new StagedRoomAppends(this, appends);
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
    /// a fixed order, numbers the activities after each room's end and adds their rows. Several participants of one
    /// save may stage (a user's activity, then the bot's replies): they share the gates. <c>Completed</c> must be
    /// called with the save's outcome: after the last one the rooms' ends move (or are re-read after a failure) and the
    /// gates are released.
    /// </summary>
    public async Task<(IReadOnlyList<StoredActivity> Stored, Action<bool> Completed)> StageAsync(
        ServiceDeskDbContext db, IReadOnlyList<RoomAppend> appends, CancellationToken cancellationToken)
    {
        var batch = _saves.GetValue(db, d => new RoomSaveBatch(d));
        batch.Open();
        void Completed(bool committed)
        {
            if (batch.Complete(committed))
                _saves.Remove(db);
        }

        try
        {
            foreach (var room in appends.Select(a => a.Room).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                if (!batch.IsHeld(room))
                    await batch.HoldAsync(room, Cursor(room), cancellationToken);
            var now = _time.GetUtcNow();
            return (appends.Select(a => batch.Add(a, now)).ToList(), Completed);
        }
        catch
        {
            Completed(false);
            throw;
        }
    }

    /// <summary>
    /// Whether a user's activity can be saved in the same transaction as the turn it starts (see
    /// <see cref="Alongside"/>): on SQLite, where saves run one at a time, so a save taking a second room's gate
    /// cannot deadlock with another.
    /// </summary>
    public bool SavesAlongsideTurns => _onSqlite.Value;

    /// <summary>A user's activity to append in the save of the turn it starts (<see cref="SavesAlongsideTurns"/>).</summary>
    public StagedRoomAppends Alongside(RoomAppend append) => new(this, [append]);

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

    /// <summary>
    /// The room's cursor. When the memory of rooms grows past its bound, the rooms no stream here watches are dropped:
    /// a cursor still in use keeps working, a new one re-reads its room's end (and two cursors of one room meet at the
    /// unique index).
    /// </summary>
    private RoomCursor Cursor(string room)
    {
        if (_rooms.Count >= MaxCachedRooms && !_rooms.ContainsKey(room))
        {
            foreach (var (key, cursor) in _rooms)
                if (!cursor.Watched) _rooms.TryRemove(key, out _);
        }
        return _rooms.GetOrAdd(room, _ => new RoomCursor());
    }

    public bool TryReadRecent(string room, long afterSequence, int max, out IReadOnlyList<StoredActivity> items)
    {
        items = [];
        return _rooms.TryGetValue(room, out var cursor) && cursor.TryReadRecent(afterSequence, max, out items);
    }

    public IRoomWatch Watch(string room) => Cursor(room).Watch();

    public async Task<RoomPosition> GetPositionAsync(string room, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var position = await RoomCursor.ReadPositionAsync(db, room, cancellationToken);
        Cursor(room).Seed(position);
        return position;
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
}
