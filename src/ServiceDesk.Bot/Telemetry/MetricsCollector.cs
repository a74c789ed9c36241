using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using ServiceDesk.Core.Telemetry;

namespace ServiceDesk.Bot.Telemetry;

/// <summary>
/// Listens to this container's <see cref="ServiceDeskMetrics.MeterName"/> meter and keeps running totals: counters per
/// tag set, histograms as cumulative buckets with sum and count. <see cref="WriteTo"/> renders them in the Prometheus
/// text format (dots become underscores, seconds get their suffix, counters end in _total). Created at start-up, so
/// nothing recorded before the first scrape is lost.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _instruments = new();

    public MetricsCollector(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name != ServiceDeskMetrics.MeterName || !ReferenceEquals(instrument.Meter.Scope, meters)) return;
            var buckets = instrument is Histogram<double> h ? h.Advice?.HistogramBucketBoundaries?.ToArray() ?? DefaultBuckets : null;
            _instruments.TryAdd(instrument, new InstrumentSeries(instrument, buckets));
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_instruments.TryGetValue(instrument, out var series))
            series.Record(Labels(tags), value);
    }

    /// <summary>Appends every instrument with at least one measurement, by name.</summary>
    public void WriteTo(StringBuilder text)
    {
        foreach (var series in _instruments.Values.OrderBy(s => s.Instrument.Name, StringComparer.Ordinal))
            series.WriteTo(text);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>Prometheus labels of a tag set, sorted by name: <c>{channel="web",outcome="handled"}</c>.</summary>
    internal static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var pairs = tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal);
        return "{" + string.Join(',', pairs.Select(t => $"{t.Key}=\"{Escape(Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "")}\"")) + "}";
    }

    internal static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
