namespace ServiceDesk.Core.Notifications;

/// <summary>
/// Backoff per channel, in one dispatcher: a 429 with retry-after holds the whole channel for that long (the limit
/// is the bot's, not one chat's); from the <see cref="OutageThreshold"/>-th failure in a row with no success between
/// (the API itself is down, not one chat) the channel is held exponentially longer; a success clears it. A failure
/// in one chat while others succeed holds only that chat's message. Other channels are never affected.
/// </summary>
public sealed class OutboxChannelThrottle(OutboxOptions options)
{
    private readonly Dictionary<string, (int Failures, DateTimeOffset NotBefore)> _state = new(StringComparer.OrdinalIgnoreCase);
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

    public void Succeeded(string channel)
    {
        lock (_lock)
            _state.Remove(channel);
    }
}
