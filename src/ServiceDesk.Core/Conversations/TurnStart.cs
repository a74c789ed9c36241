using ServiceDesk.Core.People;

namespace ServiceDesk.Core.Conversations;

/// <summary>What a turn starts from: whether its message was handled already, the person's profile and the conversation's state (null when new).</summary>
internal readonly record struct TurnStart(bool Processed, PersonProfile? Profile, ConversationState? State);
