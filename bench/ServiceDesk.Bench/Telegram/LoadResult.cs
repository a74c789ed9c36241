namespace ServiceDesk.Bench.Telegram;

/// <summary>What one benchmark run measured: throughput and update→reply latency percentiles.</summary>
public sealed record LoadResult(string Name, int Updates, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs)
{
    public double UpdatesPerSecond => Updates / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
            return double.NaN;
        var sorted = LatenciesMs.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
