using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace ServiceDesk.Bot.Telemetry;

/// <summary>One instrument's running totals per label set, and their Prometheus rendering.</summary>
internal sealed class InstrumentSeries(Instrument instrument, SeriesKind kind, double[]? buckets)
{
    private readonly ConcurrentDictionary<string, Totals> _byLabels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<TagSet, Totals> _byTags = new(); // the same totals, found without rendering labels

    public Instrument Instrument { get; } = instrument;

    /// <summary>The Prometheus name: servicedesk.turn.duration (s) → servicedesk_turn_duration_seconds; counters end in _total.</summary>
    public string Name
    {
        get
        {
            var name = MetricsCollector.LabelName(Instrument.Name);
            if (Instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal)) name += "_seconds";
            return kind == SeriesKind.Counter ? name + "_total" : name;
        }
    }

    public void Record(ReadOnlySpan<KeyValuePair<string, object?>> tags, double value)
    {
        var key = new TagSet(tags.ToArray());
        if (!_byTags.TryGetValue(key, out var totals))
            totals = _byTags.GetOrAdd(key, _byLabels.GetOrAdd(MetricsCollector.Labels(tags), _ => new Totals(buckets?.Length ?? 0)));
        lock (totals)
        {
            totals.Count++;
            totals.Sum += value;
            if (buckets is null) return;
            for (var i = 0; i < buckets.Length; i++)
            {
                if (value <= buckets[i]) totals.Buckets[i]++;
            }
        }
    }

    public void WriteTo(StringBuilder text)
    {
        if (_byLabels.IsEmpty) return;
        var name = Name;
        text.Append("# HELP ").Append(name).Append(' ').Append(Instrument.Description?.Replace("\n", " ")).Append('\n');
        text.Append("# TYPE ").Append(name).Append(kind switch { SeriesKind.Histogram => " histogram\n", SeriesKind.Gauge => " gauge\n", _ => " counter\n" });
        foreach (var (labels, totals) in _byLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            lock (totals)
            {
                if (buckets is null)
                {
                    text.Append(name).Append(labels).Append(' ').Append(MetricsCollector.Number(totals.Sum)).Append('\n');
                    continue;
                }
                for (var i = 0; i < buckets.Length; i++)
                    Line(text, name + "_bucket", WithLe(labels, MetricsCollector.Number(buckets[i])), totals.Buckets[i]);
                Line(text, name + "_bucket", WithLe(labels, "+Inf"), totals.Count);
                text.Append(name).Append("_sum").Append(labels).Append(' ').Append(MetricsCollector.Number(totals.Sum)).Append('\n');
                Line(text, name + "_count", labels, totals.Count);
            }
        }
    }

    private static void Line(StringBuilder text, string name, string labels, long value) =>
        text.Append(name).Append(labels).Append(' ').Append(value).Append('\n');

    private static string WithLe(string labels, string le) =>
        labels.Length == 0 ? $"{{le=\"{le}\"}}" : labels[..^1] + $",le=\"{le}\"}}";

    private sealed class Totals(int buckets)
    {
        public long Count;
        public double Sum;
        public readonly long[] Buckets = new long[buckets];
    }
}
