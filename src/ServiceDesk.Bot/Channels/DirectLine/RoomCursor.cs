using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// This process's view of where a room's log ends, and the activities its streams here have yet to send: appends to
/// the room take <see cref="Gate"/>, and a failed save makes the view be read again from the database.
/// </summary>
internal sealed class RoomCursor
{
    // A stream woken by an append reads that turn's activities (the echo and its replies) at once. Activities kept
    // after every stream has sent them would survive the young GC generations for nothing (they were most of what a
    // gen0 collection promoted at 1,000 turns/s), so the memory is trimmed as the streams deliver.
    private const int TailLength = 8;
    private readonly Lock _tailLock = new();
    private readonly List<Watcher> _watchers = []; // guarded by _tailLock
    private volatile StoredActivity[] _tail = [];
    private int _watcherCount;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public bool Loaded { get; private set; }

    public long LastSequence { get; private set; }

    public string? LastUserActivityId { get; private set; }

    public async Task LoadAsync(ServiceDeskDbContext db, string room, CancellationToken ct)
    {
        Load(await ReadPositionAsync(db, room, ct));
    }

    private void Load(RoomPosition position)
    {
        (LastSequence, LastUserActivityId) = (position.LastSequence, position.LastUserActivityId);
        lock (_tailLock) _tail = [];
        Loaded = true;
    }

    /// <summary>
    /// Takes a position just read from the database as this view when nothing is loaded yet and nobody holds
    /// <see cref="Gate"/> (a conversation about to write to the room read it): its first append then does not read it
    /// again inside the write gate. An append of this process meanwhile has loaded the view itself; one of another
    /// replica fails the next save here on the unique index, which reads the position again.
    /// </summary>
    public void Seed(RoomPosition position)
    {
        if (Loaded || !Gate.Wait(0)) return;
        try
        {
            if (!Loaded) Load(position);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Appends committed activities (the caller holds <see cref="Gate"/>).</summary>
    public void Committed(IReadOnlyList<StoredActivity> activities, string? lastUserActivityId)
    {
        if (activities.Count == 0) return;
        LastSequence = activities[^1].Sequence;
        LastUserActivityId = lastUserActivityId;
        lock (_tailLock)
        {
            if (_watchers.Count == 0)
            {
                _tail = [];
                return;
            }

            var tail = _tail;
            var contiguous = tail.Length == 0 || tail[^1].Sequence + 1 == activities[0].Sequence;
            _tail = (contiguous ? tail.Concat(activities) : activities).TakeLast(TailLength).ToArray();
            Trim();
        }
    }

    public bool Watched => Volatile.Read(ref _watcherCount) > 0;

    /// <summary>A stream of this process follows the room: keep the activities it has not sent until it leaves.</summary>
    public IRoomWatch Watch()
    {
        var watcher = new Watcher(this);
        lock (_tailLock)
        {
            _watchers.Add(watcher);
            _watcherCount = _watchers.Count;
        }
        return watcher;
    }

    private void Unwatch(Watcher watcher)
    {
        lock (_tailLock)
        {
            _watchers.Remove(watcher);
            _watcherCount = _watchers.Count;
            Trim();
        }
    }

    private void Delivered(Watcher watcher, long sequence)
    {
        lock (_tailLock)
        {
            if (sequence <= watcher.Sent) return;
            watcher.Sent = sequence;
            Trim();
        }
    }

    /// <summary>Drops what every watching stream has sent, and everything when none watches (holding _tailLock).</summary>
    private void Trim()
    {
        var tail = _tail;
        if (tail.Length == 0) return;
        var sentByAll = _watchers.Count == 0 ? long.MaxValue : SentByAll();
        if (tail[0].Sequence > sentByAll) return;
        _tail = tail[^1].Sequence <= sentByAll ? [] : tail.Where(a => a.Sequence > sentByAll).ToArray();
    }

    private long SentByAll()
    {
        var min = long.MaxValue;
        foreach (var w in _watchers)
            min = Math.Min(min, w.Sent);
        return min;
    }

    /// <summary>The save failed (another replica may have taken the sequence): read the position again next time.</summary>
    public void Invalidate()
    {
        Loaded = false;
        lock (_tailLock) _tail = [];
    }

    /// <summary>
    /// The activities after <paramref name="after"/> from the recent ones this process appended, when they cover it
    /// (none when <paramref name="after"/> is the room's end here: a stream that has sent everything asks no further).
    /// What other replicas appended since is not seen here.
    /// </summary>
    public bool TryReadRecent(long after, int max, out IReadOnlyList<StoredActivity> items)
    {
        var tail = _tail; // read before the end: an append sets the end first, so a stale pair only sends to the store
        items = [];
        if (tail.Length == 0) return Loaded && after == LastSequence;
        if (after < tail[0].Sequence - 1 || after > tail[^1].Sequence) return false;
        items = tail.Where(a => a.Sequence > after).Take(max).ToArray();
        return true;
    }

    private static readonly int[] PositionPages = [5, 50];

    /// <summary>
    /// The room's last sequence and its last user activity among the newest 50. The newest few are read first: the
    /// person's last message is nearly always among them, and each row carries a whole activity.
    /// </summary>
    public static async Task<RoomPosition> ReadPositionAsync(ServiceDeskDbContext db, string room, CancellationToken ct)
    {
        foreach (var take in PositionPages)
        {
            var recent = await db.ChannelTranscripts.AsNoTracking()
                .Where(e => e.Channel == InboundActivityMapper.Channel && e.ConversationId == room)
                .OrderByDescending(e => e.Sequence)
                .Take(take)
                .Select(e => new { e.Sequence, e.Payload })
                .ToListAsync(ct);
            if (recent.Count == 0)
                return new RoomPosition(0, null);
            var lastUser = recent.FirstOrDefault(e => IsFromUser(e.Payload));
            if (lastUser is not null || recent.Count < take || take == PositionPages[^1])
                return new RoomPosition(recent[0].Sequence, lastUser is null ? null : DirectLineIds.ActivityId(room, lastUser.Sequence));
        }
        throw new InvalidOperationException("unreachable: the last page returns");
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

    private sealed class Watcher(RoomCursor cursor) : IRoomWatch
    {
        private int _disposed;

        /// <summary>What the stream has sent up to (guarded by the cursor's lock); nothing known yet at first.</summary>
        public long Sent { get; set; } = long.MinValue;

        public void Delivered(long sequence) => cursor.Delivered(this, sequence);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) cursor.Unwatch(this);
        }
    }
}
