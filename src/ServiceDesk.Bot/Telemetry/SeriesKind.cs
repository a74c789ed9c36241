namespace ServiceDesk.Bot.Telemetry;

/// <summary>How an instrument's measurements add up and render: counter (_total), gauge (an up-down counter's sum), histogram.</summary>
internal enum SeriesKind
{
    Counter,
    Gauge,
    Histogram,
}
