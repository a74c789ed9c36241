using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Telemetry;

/// <summary>One reading of <see cref="StoreGauges"/>.</summary>
public sealed record StoreGaugeReading(int OutboxPending, int OutboxParked, TimeSpan OldestPendingAge, IReadOnlyList<OpenTicketCount> OpenTickets);

/// <summary>Open tickets of one line and priority.</summary>
public sealed record OpenTicketCount(SupportLine Line, Priority Priority, int Count);
