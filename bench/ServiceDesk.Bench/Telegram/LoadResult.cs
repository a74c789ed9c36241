namespace ServiceDesk.Bench.Telegram;

/// <summary>
/// What one benchmark run measured: throughput, update→reply latency percentiles and the CPU time the whole bench process
/// (service, fake Bot API and load driver; not the grammY peer's node process) used, which a busy machine disturbs less
/// than the throughput.
/// </summary>
public sealed record LoadResult(string Name, int Updates, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, TimeSpan CpuTime = default)
{
    public double CpuMsPerUpdate => Updates == 0 ? double.NaN : CpuTime.TotalMilliseconds / Updates;

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
