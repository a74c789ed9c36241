using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Telemetry;
using ServiceDesk.Core.Telemetry;

namespace ServiceDesk.Bot.Tests.Telemetry;

public sealed class MetricsCollectorTests
{
    private static ServiceProvider Container() => new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void Collector_renders_counters_and_histograms_in_the_Prometheus_text_format()
    {
        using var container = Container();
        var meters = container.GetRequiredService<IMeterFactory>();
        using var collector = new MetricsCollector(meters);
        var metrics = new ServiceDeskMetrics(meters);

        metrics.Turn("web", "handled", TimeSpan.FromMilliseconds(3));
        metrics.Turn("web", "handled", TimeSpan.FromMilliseconds(30));
        metrics.Turn("telegram", "failed", TimeSpan.FromSeconds(7));
        metrics.Delivery("web", "sent");
        var text = new StringBuilder();
        collector.WriteTo(text);

        var lines = text.ToString().Split('\n');
        Assert.Contains("# TYPE servicedesk_turns_total counter", lines);
        Assert.Contains("servicedesk_turns_total{channel=\"web\",outcome=\"handled\"} 2", lines);
        Assert.Contains("servicedesk_turns_total{channel=\"telegram\",outcome=\"failed\"} 1", lines);
        Assert.Contains("servicedesk_outbox_deliveries_total{channel=\"web\",outcome=\"sent\"} 1", lines);
        Assert.Contains("# TYPE servicedesk_turn_duration_seconds histogram", lines);
        // cumulative buckets: 3 ms is in every bucket from 5 ms up, 30 ms from 50 ms up
        Assert.Contains("servicedesk_turn_duration_seconds_bucket{channel=\"web\",le=\"0.0025\"} 0", lines);
        Assert.Contains("servicedesk_turn_duration_seconds_bucket{channel=\"web\",le=\"0.005\"} 1", lines);
        Assert.Contains("servicedesk_turn_duration_seconds_bucket{channel=\"web\",le=\"0.025\"} 1", lines);
        Assert.Contains("servicedesk_turn_duration_seconds_bucket{channel=\"web\",le=\"0.05\"} 2", lines);
        Assert.Contains("servicedesk_turn_duration_seconds_bucket{channel=\"web\",le=\"+Inf\"} 2", lines);
        Assert.Contains("servicedesk_turn_duration_seconds_sum{channel=\"web\"} 0.033", lines);
        Assert.Contains("servicedesk_turn_duration_seconds_count{channel=\"web\"} 2", lines);
        Assert.Contains("servicedesk_turn_duration_seconds_bucket{channel=\"telegram\",le=\"5\"} 0", lines);
        Assert.Contains("servicedesk_turn_duration_seconds_bucket{channel=\"telegram\",le=\"+Inf\"} 1", lines);
    }

    [Fact]
    public void Collector_when_the_same_tags_come_in_another_order_counts_them_as_one_series()
    {
        using var container = Container();
        var meters = container.GetRequiredService<IMeterFactory>();
        using var collector = new MetricsCollector(meters);
        var counter = meters.Create(MetricsCollector.HostingMeterName).CreateCounter<long>("http.server.requests");

        counter.Add(1, new("http.route", "/v3/directline"), new("http.response.status_code", 200));
        counter.Add(1, new("http.response.status_code", 200), new("http.route", "/v3/directline"));
        counter.Add(1, new("http.route", "/v3/directline"), new("http.response.status_code", 404));
        var text = new StringBuilder();
        collector.WriteTo(text);

        var lines = text.ToString().Split('\n');
        Assert.Contains("http_server_requests_total{http_response_status_code=\"200\",http_route=\"/v3/directline\"} 2", lines);
        Assert.Contains("http_server_requests_total{http_response_status_code=\"404\",http_route=\"/v3/directline\"} 1", lines);
        Assert.Equal(2, lines.Count(l => l.StartsWith("http_server_requests_total{", StringComparison.Ordinal)));
    }

    [Fact]
    public void Collector_when_another_container_records_counts_nothing_of_it()
    {
        using var mine = Container();
        using var theirs = Container();
        using var collector = new MetricsCollector(mine.GetRequiredService<IMeterFactory>());

        new ServiceDeskMetrics(theirs.GetRequiredService<IMeterFactory>()).Turn("web", "handled", TimeSpan.FromMilliseconds(1));
        var text = new StringBuilder();
        collector.WriteTo(text);

        Assert.Equal("", text.ToString());
    }

    [Fact]
    public void Labels_escape_quotes_backslashes_and_newlines()
    {
        KeyValuePair<string, object?>[] tags = [new("outcome", "a\"b\\c\nd"), new("channel", "web")];

        Assert.Equal("{channel=\"web\",outcome=\"a\\\"b\\\\c\\nd\"}", MetricsCollector.Labels(tags));
    }
}
