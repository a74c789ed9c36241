namespace ServiceDesk.Core.Sla;

/// <summary>Where a ticket stands against its nearest open target.</summary>
public sealed record SlaStanding(SlaTargetKind Target, TimeSpan Left, DateTimeOffset? DueAt, bool Paused, bool Met, bool Breached);
