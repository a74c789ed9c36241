using System.Diagnostics;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>
/// Collects latencies (ms) from many tasks and reports percentiles. With a window, only what started inside it counts
/// (a steady-state measurement: the load runs before and after it unchanged).
/// </summary>
public sealed class LatencyRecorder(MeasureWindow? window = null)
{
    private readonly List<double> _values = [];
    private readonly List<long> _starts = [];
    private readonly Lock _gate = new();

    /// <summary>Records the latency of something that started at <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Add(long startedAt)
    {
        if (window is not null && !window.Contains(startedAt))
            return;
        var latency = Stopwatch.GetElapsedTime(startedAt);
        lock (_gate)
        {
            _values.Add(latency.TotalMilliseconds);
            _starts.Add(startedAt);
        }
    }

    /// <summary>
    /// How evenly the recorded starts fall over a cycle of <paramref name="cycle"/>, cut in <paramref name="bins"/>: the
    /// fewest and the most starts in a bin (a crowd spread evenly puts Count / bins in each).
    /// </summary>
    public (int Fewest, int Most) Spread(TimeSpan cycle, int bins)
    {
        var length = (long)(cycle.TotalSeconds * Stopwatch.Frequency);
        var counts = new int[bins];
        lock (_gate)
            foreach (var start in _starts)
                counts[(int)(start % length * bins / length)]++;
        return (counts.Min(), counts.Max());
    }

    public int Count
    {
        get { lock (_gate) return _values.Count; }
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_values.Count == 0)
                return double.NaN;
            var sorted = _values.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }
}
