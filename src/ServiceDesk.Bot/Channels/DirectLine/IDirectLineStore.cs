namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Where Direct Line conversations and room activity logs live. Implementations keep them in shared storage so
/// that any replica can serve any client; the sequence of a room is gap-free and starts at 1.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Adds a conversation; false when one with that id exists already (nothing changes).</summary>
    Task<bool> TryAddConversationAsync(DirectLineConversation conversation, CancellationToken cancellationToken);

    Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Binds an unbound conversation to a user and room, with the room's current sequence as its start. Returns
    /// the conversation as stored afterwards (unchanged if another request bound it first).
    /// </summary>
    Task<DirectLineConversation> BindToRoomAsync(string conversationId, string userId, string room, CancellationToken cancellationToken);

    /// <summary>
    /// Appends one activity to a room. <paramref name="build"/> gets the new sequence number and the id of the room's
    /// latest user activity before it (a bot reply names it as replyToId), and returns the JSON.
    /// <paramref name="fromUser"/> marks user activities (whose JSON has <c>from.role = "user"</c>, which is how a
    /// store that reloads its position recognizes them).
    /// </summary>
    Task<StoredActivity> AppendAsync(string room, bool fromUser, Func<long, string?, string> build, CancellationToken cancellationToken);

    /// <summary>Activities of a room after <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StoredActivity>> ReadAsync(string room, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>
    /// The activities after <paramref name="afterSequence"/> when this process knows them without asking the store
    /// (recent appends it made); false when the store must be read. Appends by other replicas may be missing.
    /// </summary>
    bool TryReadRecent(string room, long afterSequence, int max, out IReadOnlyList<StoredActivity> items);

    /// <summary>
    /// A stream of this process follows the room until the handle is disposed: meanwhile the store may keep the room's
    /// recent appends in memory for <see cref="TryReadRecent"/>, until every stream watching it has delivered them.
    /// Rooms nobody streams here need no such memory.
    /// </summary>
    IRoomWatch Watch(string room);

    /// <summary>The room's last sequence (0 when empty) and the id of its latest user activity, if any.</summary>
    Task<RoomPosition> GetPositionAsync(string room, CancellationToken cancellationToken);
}

/// <summary>Where a room's log stands.</summary>
public sealed record RoomPosition(long LastSequence, string? LastUserActivityId);
