using System.Collections.Concurrent;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>A process-local store: for tests and a single replica until the shared store takes over.</summary>
public sealed class InMemoryDirectLineStore : IDirectLineStore
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RoomLog> _rooms = new(StringComparer.Ordinal);

    public Task<bool> TryAddConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TryAdd(conversation.Id, conversation));

    public Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.GetValueOrDefault(conversationId));

    public Task<DirectLineConversation> BindToRoomAsync(string conversationId, string userId, string room, CancellationToken cancellationToken)
    {
        var log = Log(room);
        var bound = _conversations.AddOrUpdate(
            conversationId,
            _ => throw new KeyNotFoundException($"conversation {conversationId} does not exist"),
            (_, existing) => existing.IsBound ? existing : existing with { UserId = userId, Room = room, BaseSequence = log.LastSequence });
        return Task.FromResult(bound);
    }

    public Task<StoredActivity> AppendAsync(string room, bool fromUser, Func<long, string?, string> build, CancellationToken cancellationToken) =>
        Task.FromResult(Log(room).Append(fromUser, build));

    public Task<IReadOnlyList<StoredActivity>> ReadAsync(string room, long afterSequence, int max, CancellationToken cancellationToken) =>
        Task.FromResult(_rooms.TryGetValue(room, out var log) ? log.Read(afterSequence, max) : (IReadOnlyList<StoredActivity>)[]);

    public bool TryReadRecent(string room, long afterSequence, int max, out IReadOnlyList<StoredActivity> items)
    {
        items = _rooms.TryGetValue(room, out var log) ? log.Read(afterSequence, max) : [];
        return true;
    }

    public IRoomWatch Watch(string room) => NoWatch.Instance; // everything is in memory anyway

    public Task<RoomPosition> GetPositionAsync(string room, CancellationToken cancellationToken) =>
        Task.FromResult(_rooms.TryGetValue(room, out var log) ? log.Position : new RoomPosition(0, null));

    private RoomLog Log(string room) => _rooms.GetOrAdd(room, _ => new RoomLog(room));

    private sealed class NoWatch : IRoomWatch
    {
        public static NoWatch Instance { get; } = new();

        public void Delivered(long sequence)
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class RoomLog(string room)
    {
        private readonly List<StoredActivity> _items = [];
        private readonly Lock _gate = new();
        private string? _lastUserActivityId;

        public long LastSequence
        {
            get { lock (_gate) return _items.Count; }
        }

        public RoomPosition Position
        {
            get { lock (_gate) return new RoomPosition(_items.Count, _lastUserActivityId); }
        }

        public StoredActivity Append(bool fromUser, Func<long, string?, string> build)
        {
            lock (_gate)
            {
                var sequence = _items.Count + 1L;
                var item = new StoredActivity(sequence, build(sequence, _lastUserActivityId));
                _items.Add(item);
                if (fromUser)
                    _lastUserActivityId = DirectLineIds.ActivityId(room, sequence);
                return item;
            }
        }

        public IReadOnlyList<StoredActivity> Read(long afterSequence, int max)
        {
            lock (_gate)
            {
                var start = (int)Math.Clamp(afterSequence, 0, _items.Count);
                var count = Math.Min(max, _items.Count - start);
                return _items.GetRange(start, count);
            }
        }
    }
}
