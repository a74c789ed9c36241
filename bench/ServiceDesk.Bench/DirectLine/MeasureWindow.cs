using System.Diagnostics;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>The span of a steady-state measurement, as <see cref="Stopwatch"/> timestamps: [start, end).</summary>
public sealed class MeasureWindow(TimeSpan startsIn, TimeSpan length)
{
    private readonly long _start = Stopwatch.GetTimestamp() + Ticks(startsIn);
    private readonly long _end = Stopwatch.GetTimestamp() + Ticks(startsIn + length);

    public TimeSpan Length => length;

    public bool Contains(long timestamp) => timestamp >= _start && timestamp < _end;

    public bool IsOver => Stopwatch.GetTimestamp() >= _end;

    public Task WhenStarted(CancellationToken ct) => Delay(_start, ct);

    public Task WhenOver(CancellationToken ct) => Delay(_end, ct);

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static Task Delay(long at, CancellationToken ct)
    {
        var wait = at - Stopwatch.GetTimestamp();
        return wait > 0 ? Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct) : Task.CompletedTask;
    }
}
