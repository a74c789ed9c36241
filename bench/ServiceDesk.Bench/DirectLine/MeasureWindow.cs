using System.Diagnostics;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>The span of a steady-state measurement, as <see cref="Stopwatch"/> timestamps: [start, end).</summary>
public sealed class MeasureWindow(TimeSpan startsIn, TimeSpan length)
{
    private readonly long _start = Stopwatch.GetTimestamp() + (long)(startsIn.TotalSeconds * Stopwatch.Frequency);

    public long Start => _start;

    public long End => _start + (long)(length.TotalSeconds * Stopwatch.Frequency);

    public TimeSpan Length => length;

    public bool Contains(long timestamp) => timestamp >= Start && timestamp < End;

    public bool IsOver => Stopwatch.GetTimestamp() >= End;

    public Task WhenStarted(CancellationToken ct) => Delay(Start, ct);

    public Task WhenOver(CancellationToken ct) => Delay(End, ct);

    private static Task Delay(long at, CancellationToken ct)
    {
        var wait = at - Stopwatch.GetTimestamp();
        return wait > 0 ? Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct) : Task.CompletedTask;
    }
}
