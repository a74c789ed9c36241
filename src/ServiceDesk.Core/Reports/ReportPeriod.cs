namespace ServiceDesk.Core.Reports;

/// <summary>A reporting window: the last 7 days, 30 days or 365 days up to now.</summary>
public sealed record ReportPeriod(string Name, DateTimeOffset From, DateTimeOffset To)
{
    public static ReportPeriod? Parse(string name, DateTimeOffset now) => name.ToLowerInvariant() switch
    {
        "week" => new("week", now.AddDays(-7), now),
        "month" => new("month", now.AddDays(-30), now),
        "year" => new("year", now.AddDays(-365), now),
        _ => null,
    };
}
