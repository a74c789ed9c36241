using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>The managers' <c>sla</c> overview: open tickets at risk (warned) and past a target.</summary>
public sealed record SlaOverview(IReadOnlyList<SlaOverviewEntry> AtRisk, IReadOnlyList<SlaOverviewEntry> Breached);

/// <summary>One ticket in the overview: the target in trouble and the time left (negative: overdue).</summary>
public sealed record SlaOverviewEntry(
    string Key, string Title, Priority Priority, SupportLine Line, string? Assignee, SlaTargetKind Target, TimeSpan Left, DateTimeOffset? DueAt, bool Paused);
