using ServiceDesk.Bot.Channels.DirectLine;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

/// <summary>The in-memory store behind a test double that changes some of its members.</summary>
public abstract class InMemoryStoreDecorator : IDirectLineStore
{
    protected InMemoryDirectLineStore Inner { get; } = new();

    public virtual Task<bool> TryAddConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken) =>
        Inner.TryAddConversationAsync(conversation, cancellationToken);

    public virtual Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        Inner.FindConversationAsync(conversationId, cancellationToken);

    public virtual Task<DirectLineConversation> BindToRoomAsync(string conversationId, string userId, string room, CancellationToken cancellationToken) =>
        Inner.BindToRoomAsync(conversationId, userId, room, cancellationToken);

    public virtual Task<StoredActivity> AppendAsync(string room, bool fromUser, Func<long, string?, string> build, CancellationToken cancellationToken) =>
        Inner.AppendAsync(room, fromUser, build, cancellationToken);

    public virtual Task<IReadOnlyList<StoredActivity>> ReadAsync(string room, long afterSequence, int max, CancellationToken cancellationToken) =>
        Inner.ReadAsync(room, afterSequence, max, cancellationToken);

    public virtual bool TryReadRecent(string room, long afterSequence, int max, out IReadOnlyList<StoredActivity> items) =>
        Inner.TryReadRecent(room, afterSequence, max, out items);

    public virtual IRoomWatch Watch(string room) => Inner.Watch(room);

    public virtual Task<RoomPosition> GetPositionAsync(string room, CancellationToken cancellationToken) =>
        Inner.GetPositionAsync(room, cancellationToken);
}
