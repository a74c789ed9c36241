using System.Diagnostics.Metrics;

namespace ServiceDesk.Core.Telemetry;

/// <summary>
/// The service's own instruments, on meter <see cref="MeterName"/> from the container's <see cref="IMeterFactory"/> (so
/// two hosts in one process, as in tests, count apart): turns by channel and outcome with their duration, outbox
/// deliveries by channel and outcome, and the SLA monitor's alerts. Tags are channel names, priorities and fixed
/// outcomes: a handful of series, never one per person or ticket.
/// </summary>
public sealed class ServiceDeskMetrics
{
    public const string MeterName = "ServiceDesk";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _slaAlerts;
    private readonly Counter<long> _receiveFailures;

    public ServiceDeskMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _turns = meter.CreateCounter<long>("servicedesk.turns", "{turn}",
            "Messages handled by the conversation engine, by channel and outcome (handled, duplicate, throttled, failed).");
        _turnDuration = meter.CreateHistogram<double>("servicedesk.turn.duration", "s",
            "Time the conversation engine took for one message, from loading the conversation to saving the turn.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _deliveries = meter.CreateCounter<long>("servicedesk.outbox.deliveries", "{message}",
            "Outbox delivery attempts, by channel and outcome (sent, retry, parked).");
        _slaAlerts = meter.CreateCounter<long>("servicedesk.sla.alerts", "{alert}",
            "SLA alerts the monitor sent, by alert (warning, breach, l1_timebox), target (first_response, resolution, l1) and priority.");
        _receiveFailures = meter.CreateCounter<long>("servicedesk.channel.receive_failures", "{failure}",
            "Failed attempts to receive from a channel (e.g. Telegram's getUpdates), by channel and reason (the API's error code, or store).");
    }

    /// <summary>A turn ended: <paramref name="outcome"/> is handled, duplicate, throttled or failed.</summary>
    public void Turn(string channel, string outcome, TimeSpan elapsed)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", channel);
        _turns.Add(1, channelTag, new KeyValuePair<string, object?>("outcome", outcome));
        _turnDuration.Record(elapsed.TotalSeconds, channelTag);
    }

    /// <summary>A delivery attempt ended: <paramref name="outcome"/> is sent, retry or parked.</summary>
    public void Delivery(string channel, string outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The SLA monitor committed an alert about a ticket of <paramref name="priority"/>.</summary>
    public void SlaAlert(string alert, string target, string priority) =>
        _slaAlerts.Add(1, new KeyValuePair<string, object?>("alert", alert), new KeyValuePair<string, object?>("target", target),
            new KeyValuePair<string, object?>("priority", priority));

    /// <summary>Receiving from a channel failed; <paramref name="reason"/> is a short, bounded word (an error code, "store").</summary>
    public void ReceiveFailure(string channel, string reason) =>
        _receiveFailures.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("reason", reason));
}
