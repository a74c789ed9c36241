namespace ServiceDesk.Core.Reports;

/// <summary>The figures of a period: volume, backlog, first-line resolution, times, deflection, satisfaction, reopens.</summary>
public sealed record ServiceReport(
    ReportPeriod Period,
    int Opened,
    int Resolved,
    int Closed,
    int Backlog,
    double? BacklogMedianAgeHours,
    double? FirstLineResolutionRate,
    double? MeanHoursToAcknowledge,
    double? MeanHoursToResolve,
    int Deflections,
    double? DeflectionRate,
    double? CsatAverage,
    double? CsatResponseRate,
    double? ReopenRate);
