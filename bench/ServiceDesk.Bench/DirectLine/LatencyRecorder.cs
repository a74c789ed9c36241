namespace ServiceDesk.Bench.DirectLine;

/// <summary>Collects latencies (ms) from many tasks and reports percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _values = [];
    private readonly Lock _gate = new();

    public void Add(TimeSpan latency)
    {
        lock (_gate)
            _values.Add(latency.TotalMilliseconds);
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
