namespace ServiceDesk.Core.Notifications;

/// <summary>
/// Backoff per channel, in one dispatcher: a 429 with retry-after holds the whole channel for that long (the limit
/// is the bot's, not one chat's), unless the sender says it is one conversation's flood limit (a Telegram group's 20
/// messages a minute): then only that conversation waits, until a second conversation of the channel is limited while
/// the first still is (the limit is evidently the bot's, e.g. replicas together over the global rate) and the channel
/// is held too; from the <see cref="OutageThreshold"/>-th failure in a row with no success between
/// (the API itself is down, not one chat) the channel is held exponentially longer; a success clears it. A failure
/// in one chat while others succeed holds only that chat's message. Other channels are never affected.
/// </summary>
public sealed class OutboxChannelThrottle(OutboxOptions options)
{
    private readonly Dictionary<string, (int Failures, DateTimeOffset NotBefore)> _state = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _limited = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public const int OutageThreshold = 3;

    public bool IsHeld(string channel, DateTimeOffset now)
    {
        lock (_lock)
            return _state.TryGetValue(channel, out var s) && s.NotBefore > now;
    }

    public DateTimeOffset? HeldUntil(string channel)
    {
        lock (_lock)
            return _state.TryGetValue(channel, out var s) ? s.NotBefore : null;
    }

    /// <summary>Records a retryable failure; returns how long the channel is held (zero when it is not).</summary>
    public TimeSpan Failed(string channel, DateTimeOffset now, TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            var failures = (_state.TryGetValue(channel, out var s) ? s.Failures : 0) + 1;
            var delay = retryAfter is { } r && r > TimeSpan.Zero ? r
                : failures >= OutageThreshold ? options.DelayAfter(failures - OutageThreshold + 1, null)
                : TimeSpan.Zero;
            _state[channel] = (failures, now + delay);
            return delay;
        }
    }

    /// <summary>
    /// Records one conversation's flood limit; returns how long the channel is held: zero, or the retry-after when another
    /// conversation of the channel is still limited.
    /// </summary>
    public TimeSpan ConversationLimited(string channel, string conversation, DateTimeOffset now, TimeSpan retryAfter)
    {
        lock (_lock)
        {
            if (!_limited.TryGetValue(channel, out var limited))
                _limited[channel] = limited = new(StringComparer.Ordinal);
            foreach (var (key, until) in limited)
                if (until <= now) limited.Remove(key);
            var another = limited.Keys.Any(c => c != conversation);
            limited[conversation] = now + retryAfter;
            if (!another)
                return TimeSpan.Zero;
            var s = _state.GetValueOrDefault(channel);
            _state[channel] = (s.Failures, s.NotBefore > now + retryAfter ? s.NotBefore : now + retryAfter);
            return retryAfter;
        }
    }

    public void Succeeded(string channel)
    {
        lock (_lock)
            _state.Remove(channel);
    }
}
