namespace ServiceDesk.Core.Conversations;

/// <summary>What a turn produced: the messages written to the outbox, or that the message was a redelivery.</summary>
public sealed record TurnResult(IReadOnlyList<OutboundMessage> Messages, bool Duplicate = false)
{
    public static TurnResult DuplicateMessage { get; } = new([], true);
}
