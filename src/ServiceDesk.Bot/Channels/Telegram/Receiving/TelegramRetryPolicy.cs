namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>
/// How an update whose processing fails (the store or the engine is down) is retried: a few quick attempts, then the
/// receiver holds it back (unconfirmed) and tries again with growing pauses; only an update that fails round after
/// round is finally skipped, with an error in the log, so one poisoned update cannot stop the channel.
/// </summary>
public sealed record TelegramRetryPolicy
{
    public int QuickAttempts { get; init; } = 3;

    public TimeSpan QuickDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public int RoundsBeforeSkip { get; init; } = 8;

    public TimeSpan Backoff(int round) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks * (1L << Math.Clamp(round - 1, 0, 20))));
}
