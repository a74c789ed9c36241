using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using ServiceDesk.Core.Telemetry;

namespace ServiceDesk.Bot.Telemetry;

/// <summary>
/// Listens to this container's meters — the service's own (<see cref="ServiceDeskMetrics.MeterName"/>) and ASP.NET Core's
/// request metrics (<see cref="HostingMeterName"/>: duration by route and status, requests in flight) — and keeps running
/// totals: counters and up-down counters per tag set, histograms as cumulative buckets with sum and count.
/// <see cref="WriteTo"/> renders them in the Prometheus text format (dots become underscores, seconds get their suffix,
/// counters end in _total, up-down counters are gauges). Observable instruments are not collected. Created at start-up,
/// so nothing recorded before the first scrape is lost.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    public const string HostingMeterName = "Microsoft.AspNetCore.Hosting";

    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _instruments = new();

    public MetricsCollector(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is not (ServiceDeskMetrics.MeterName or HostingMeterName) || !ReferenceEquals(instrument.Meter.Scope, meters)) return;
            var kind = KindOf(instrument);
            if (kind is null) return;
            var buckets = kind == SeriesKind.Histogram
                ? (instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries?.ToArray() ?? DefaultBuckets
                : null;
            _instruments.TryAdd(instrument, new InstrumentSeries(instrument, kind.Value, buckets));
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private static SeriesKind? KindOf(Instrument instrument) => instrument switch
    {
        Counter<long> or Counter<double> => SeriesKind.Counter,
        UpDownCounter<long> or UpDownCounter<double> => SeriesKind.Gauge,
        Histogram<double> or Histogram<long> => SeriesKind.Histogram,
        _ => null, // observable instruments would need a collection pass per scrape
    };

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_instruments.TryGetValue(instrument, out var series))
            series.Record(tags, value);
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
        return "{" + string.Join(',', pairs.Select(t => $"{LabelName(t.Key)}=\"{Escape(Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "")}\"")) + "}";
    }

    /// <summary>A Prometheus label or metric name: letters, digits and underscores (http.route → http_route).</summary>
    internal static string LabelName(string name) => string.Create(name.Length, name, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
            span[i] = char.IsAsciiLetterOrDigit(source[i]) ? source[i] : '_';
    });

    internal static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
