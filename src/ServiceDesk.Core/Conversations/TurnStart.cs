using ServiceDesk.Core.People;

namespace ServiceDesk.Core.Conversations;

/// <summary>
/// What a turn starts from: whether its message was handled already, the person's profile and the conversation's state
/// (null when new), and the id of the person's newest ticket that waits for their answer, if any.
/// </summary>
internal readonly record struct TurnStart(bool Processed, PersonProfile? Profile, ConversationState? State, long? WaitingTicketId = null);
