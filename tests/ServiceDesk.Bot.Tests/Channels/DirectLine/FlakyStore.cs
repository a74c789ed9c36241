using ServiceDesk.Bot.Channels.DirectLine;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

/// <summary>The in-memory store, whose reads fail while <see cref="Down"/> is set (a database outage).</summary>
public sealed class FlakyStore : IDirectLineStore
{
    private readonly InMemoryDirectLineStore _inner = new();

    public bool Down { get; set; }

    public Task<bool> TryAddConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken) =>
        _inner.TryAddConversationAsync(conversation, cancellationToken);

    public Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        _inner.FindConversationAsync(conversationId, cancellationToken);

    public Task<DirectLineConversation> BindToRoomAsync(string conversationId, string userId, string room, CancellationToken cancellationToken) =>
        _inner.BindToRoomAsync(conversationId, userId, room, cancellationToken);

    public Task<StoredActivity> AppendAsync(string room, bool fromUser, Func<long, string?, string> build, CancellationToken cancellationToken) =>
        _inner.AppendAsync(room, fromUser, build, cancellationToken);

    public Task<IReadOnlyList<StoredActivity>> ReadAsync(string room, long afterSequence, int max, CancellationToken cancellationToken) =>
        Down ? throw new IOException("database unavailable") : _inner.ReadAsync(room, afterSequence, max, cancellationToken);

    /// <summary>Knows nothing from memory: every read goes to the (flaky) store.</summary>
    public bool TryReadRecent(string room, long afterSequence, int max, out IReadOnlyList<StoredActivity> items)
    {
        items = [];
        return false;
    }

    public IRoomWatch Watch(string room) => _inner.Watch(room);

    public Task<RoomPosition> GetPositionAsync(string room, CancellationToken cancellationToken) =>
        _inner.GetPositionAsync(room, cancellationToken);
}
