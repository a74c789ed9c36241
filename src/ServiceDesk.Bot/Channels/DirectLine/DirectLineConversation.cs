namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// A Direct Line conversation a client opened. It reads and writes one room's activity log: a person's private
/// chat (room = their user id) or a shared room (a team or managers' channel). <see cref="Room"/> stays null
/// until the first message tells who the user is, when the client started without a user id.
/// </summary>
public sealed record DirectLineConversation(
    string Id,
    string? UserId,
    string? Room,
    long BaseSequence,
    string? Locale,
    DateTimeOffset CreatedAt)
{
    public bool IsBound => Room is not null;
}
