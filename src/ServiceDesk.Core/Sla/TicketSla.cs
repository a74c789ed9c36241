using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// The stored SLA clocks of one ticket (table <c>ticket_sla</c>, one row per ticket): the two target clocks of
/// <see cref="SlaState"/> and the L1 time-box clock (wall-clock time worked in L1 since the claim).
/// </summary>
public sealed class TicketSla
{
    public long TicketId { get; set; }

    public Ticket? Ticket { get; set; }

    public string Priority { get; set; } = "";

    public bool Paused { get; set; }

    public TimeSpan ResponseTarget { get; set; }

    public string ResponseCalendar { get; set; } = "";

    public TimeSpan ResponseConsumed { get; set; }

    public DateTimeOffset? ResponseRunningSince { get; set; }

    public DateTimeOffset? ResponseDueAt { get; set; }

    public DateTimeOffset? ResponseMetAt { get; set; }

    public TimeSpan ResolutionTarget { get; set; }

    public string ResolutionCalendar { get; set; } = "";

    public TimeSpan ResolutionConsumed { get; set; }

    public DateTimeOffset? ResolutionRunningSince { get; set; }

    public DateTimeOffset? ResolutionDueAt { get; set; }

    public DateTimeOffset? ResolutionMetAt { get; set; }

    /// <summary>Time spent in L1 in progress before <see cref="L1RunningSince"/>.</summary>
    public TimeSpan L1Consumed { get; set; }

    /// <summary>Set while the ticket is in progress with an L1 assignee.</summary>
    public DateTimeOffset? L1RunningSince { get; set; }

    public SlaState ToState() => new(
        Priority,
        new SlaTrack(SlaTargetKind.FirstResponse, ResponseTarget, ResponseCalendar, ResponseConsumed, ResponseRunningSince, ResponseDueAt, ResponseMetAt),
        new SlaTrack(SlaTargetKind.Resolution, ResolutionTarget, ResolutionCalendar, ResolutionConsumed, ResolutionRunningSince, ResolutionDueAt, ResolutionMetAt),
        Paused);

    public void Store(SlaState s)
    {
        Priority = s.Priority;
        Paused = s.Paused;
        (ResponseTarget, ResponseCalendar, ResponseConsumed, ResponseRunningSince, ResponseDueAt, ResponseMetAt) =
            (s.FirstResponse.Target, s.FirstResponse.Calendar, s.FirstResponse.Consumed, s.FirstResponse.RunningSince, s.FirstResponse.DueAt, s.FirstResponse.MetAt);
        (ResolutionTarget, ResolutionCalendar, ResolutionConsumed, ResolutionRunningSince, ResolutionDueAt, ResolutionMetAt) =
            (s.Resolution.Target, s.Resolution.Calendar, s.Resolution.Consumed, s.Resolution.RunningSince, s.Resolution.DueAt, s.Resolution.MetAt);
    }
}
