namespace ServiceDesk.Core.Conversations;

/// <summary>What <see cref="SenderRateLimiter"/> says of one message.</summary>
public enum RateVerdict
{
    Allowed,

    /// <summary>Over the limit, and the first such message since the sender was last allowed: tell them to slow down.</summary>
    RefusedTellOnce,

    /// <summary>Over the limit, already told.</summary>
    Refused,
}
