using System.Collections.Concurrent;
using ServiceDesk.Bot.Channels.DirectLine;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

/// <summary>An in-memory store that records what the streams report as delivered, per room.</summary>
internal sealed class DeliveryRecordingStore : IDirectLineStore
{
    private readonly InMemoryDirectLineStore _inner = new();

    public ConcurrentQueue<(string Room, long Sequence)> Delivered { get; } = new();

    public Task<bool> TryAddConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken) =>
        _inner.TryAddConversationAsync(conversation, cancellationToken);

    public Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        _inner.FindConversationAsync(conversationId, cancellationToken);

    public Task<DirectLineConversation> BindToRoomAsync(string conversationId, string userId, string room, CancellationToken cancellationToken) =>
        _inner.BindToRoomAsync(conversationId, userId, room, cancellationToken);

    public Task<StoredActivity> AppendAsync(string room, bool fromUser, Func<long, string?, string> build, CancellationToken cancellationToken) =>
        _inner.AppendAsync(room, fromUser, build, cancellationToken);

    public Task<IReadOnlyList<StoredActivity>> ReadAsync(string room, long afterSequence, int max, CancellationToken cancellationToken) =>
        _inner.ReadAsync(room, afterSequence, max, cancellationToken);

    public bool TryReadRecent(string room, long afterSequence, int max, out IReadOnlyList<StoredActivity> items) =>
        _inner.TryReadRecent(room, afterSequence, max, out items);

    public IRoomWatch Watch(string room) => new Recording(this, room);

    public Task<RoomPosition> GetPositionAsync(string room, CancellationToken cancellationToken) =>
        _inner.GetPositionAsync(room, cancellationToken);

    private sealed class Recording(DeliveryRecordingStore store, string room) : IRoomWatch
    {
        public void Delivered(long sequence) => store.Delivered.Enqueue((room, sequence));

        public void Dispose()
        {
        }
    }
}
