using System.Diagnostics;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>
/// One paced user's timeline: a turn every <paramref name="pace"/> on a fixed schedule (not "pace after the last one
/// started", which drifts by the timer's lateness each turn and offers less than the rate). A user more than one
/// turn late starts again from now instead of firing the missed turns in a burst.
/// </summary>
public sealed class Pacer(TimeSpan pace, TimeSpan startIn)
{
    private readonly long _pace = (long)(pace.TotalSeconds * Stopwatch.Frequency);
    private long _next = Stopwatch.GetTimestamp() + (long)(startIn.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Waits for this user's next turn.</summary>
    public async Task NextTurnAsync(CancellationToken ct)
    {
        var wait = _next - Stopwatch.GetTimestamp();
        if (wait > 0)
            await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
        var now = Stopwatch.GetTimestamp();
        _next = now - _next > _pace ? now + _pace : _next + _pace;
    }
}
