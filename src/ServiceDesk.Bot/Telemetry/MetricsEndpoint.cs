using System.Text;
using ServiceDesk.Bot.Api;
using ServiceDesk.Core.Telemetry;

namespace ServiceDesk.Bot.Telemetry;

/// <summary>
/// GET /metrics in the Prometheus text format: the running totals of <see cref="MetricsCollector"/> and, read at each
/// scrape, the store's gauges (outbox backlog, open tickets) with <c>servicedesk_store_up</c> saying whether the store
/// answered. Guarded like the REST API: an API key (X-Api-Key, or Authorization: Bearer for Prometheus), or a caller
/// on this machine when no key is configured.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        _ = app.ServiceProvider.GetRequiredService<MetricsCollector>(); // listening from the start, not from the first scrape
        app.MapGet(Path, ScrapeAsync).AddEndpointFilter<ApiKeyFilter>().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ScrapeAsync(MetricsCollector collector, StoreGauges gauges, ILoggerFactory logs, CancellationToken ct)
    {
        var text = new StringBuilder();
        collector.WriteTo(text);
        StoreGaugeReading? reading = null;
        try
        {
            reading = await gauges.ReadAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logs.CreateLogger(typeof(MetricsEndpoint)).LogWarning(e, "Metrics: the store did not answer");
        }
        Gauge(text, "servicedesk_store_up", "1 when the store answered this scrape, else 0.", [("", reading is null ? 0 : 1)]);
        if (reading is not null)
        {
            Gauge(text, "servicedesk_outbox_messages", "Outbox messages waiting to be sent (pending) or given up on (parked).",
                [("{status=\"pending\"}", reading.OutboxPending), ("{status=\"parked\"}", reading.OutboxParked)]);
            Gauge(text, "servicedesk_outbox_oldest_pending_age_seconds", "Age of the oldest pending outbox message; 0 when none waits.",
                [("", reading.OldestPendingAge.TotalSeconds)]);
            Gauge(text, "servicedesk_tickets_open", "Open tickets (new, in progress, waiting for the user) by line and priority.",
                reading.OpenTickets.Select(o => ($"{{line=\"{o.Line}\",priority=\"{o.Priority}\"}}", (double)o.Count)).ToList());
        }
        return Results.Text(text.ToString(), ContentType);
    }

    private static void Gauge(StringBuilder text, string name, string help, IReadOnlyList<(string Labels, double Value)> samples)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(" gauge\n");
        foreach (var (labels, value) in samples)
            text.Append(name).Append(labels).Append(' ').Append(MetricsCollector.Number(value)).Append('\n');
    }
}
