using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// A moment the monitor must act on (table <c>sla_timers</c>). The monitor reads only unfired timers that are due,
/// through the index on (FiredAt, DueAt): its cost follows the due timers, not the open tickets. A fired timer is
/// kept, so each warning and breach is told once per ticket and target.
/// </summary>
public sealed class SlaTimer
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public Ticket? Ticket { get; set; }

    public SlaTimerKind Kind { get; set; }

    /// <summary>The fraction of the target for warnings; 1 for breaches; 0 for the L1 time box.</summary>
    public double Fraction { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>Set once, when the monitor acted; only an unfired timer is marked, so two replicas never both act.</summary>
    public DateTimeOffset? FiredAt { get; set; }
}
