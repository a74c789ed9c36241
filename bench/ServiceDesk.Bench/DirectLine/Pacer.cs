using System.Diagnostics;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>
/// One paced user's timeline: a turn every <paramref name="pace"/> on a fixed schedule (not "pace after the last one
/// started", which drifts by the timer's lateness each turn and offers less than the rate). A user more than one
/// turn late skips the turns it missed instead of firing them in a burst, and keeps its place in the cycle: re-starting
/// from "now" put every user that a slow moment (the warm-up's) held up on the same instant, and the crowd then came
/// in clumps (a third of all turns in 30 of every 200 ms) for the rest of the run.
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
        _next = Following(_next, Stopwatch.GetTimestamp(), _pace);
    }

    /// <summary>The slot after <paramref name="slot"/>, or, when more than one pace late, the next one still ahead.</summary>
    public static long Following(long slot, long now, long pace) =>
        now - slot > pace ? slot + ((now - slot) / pace + 1) * pace : slot + pace;
}
