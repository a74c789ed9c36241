namespace ServiceDesk.Core.Conversations;

/// <summary>
/// Delivers outbound messages to one channel. Implemented by each channel adapter in the host; the
/// outbox dispatcher picks the sender whose <see cref="Channel"/> matches the address.
/// </summary>
public interface IChannelSender
{
    string Channel { get; }

    /// <summary>Sends one message. Throws <see cref="ChannelDeliveryException"/> to ask for a retry or to park it.</summary>
    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}

/// <summary>What the channel said: its message id (for edits and threads) when it gives one.</summary>
public sealed record DeliveryResult(string? PlatformMessageId = null, string? ThreadId = null);

/// <summary>A failed delivery: retryable (5xx, 429 with a delay) or permanent (blocked by the user, bad request).</summary>
public sealed class ChannelDeliveryException(string message, bool permanent, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// The retry-after is one conversation's flood limit (a chat's or a group's), not the whole bot's: only that
    /// conversation's messages wait for it.
    /// </summary>
    public bool ConversationOnly { get; init; }
}
