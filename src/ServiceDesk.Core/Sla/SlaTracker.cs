using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// Keeps each ticket's SLA clocks and monitor timers in step with the ticket, in the same unit of work: call
/// <see cref="SyncAsync(ServiceDeskDbContext, CancellationToken)"/> before saving. It compares the ticket with its
/// stored clocks and applies what changed: creation (targets), first response (claim or public reply), waiting for
/// the user (pause), the user's answer (resume), resolution and cancellation (stop), reopening (resume), priority
/// (recompute), and the L1 time box (runs while an L1 assignee works on it). As an <see cref="ITicketHook"/> it runs
/// for every ticket a turn, a timer or the API changes, before the save.
/// </summary>
public sealed class SlaTracker(SlaClock clock) : ITicketHook
{
    public SlaClock Clock { get; } = clock;

    public Task OnSavingAsync(TicketHookContext context, CancellationToken cancellationToken) =>
        SyncAsync(context.Db, context.Ticket, context.Now, cancellationToken);

    /// <summary>Syncs every ticket the context is about to insert or update.</summary>
    public async Task SyncAsync(ServiceDeskDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var tickets = db.ChangeTracker.Entries<Ticket>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity)
            .ToList();
        foreach (var ticket in tickets)
            await SyncAsync(db, ticket, now, ct);
    }

    public async Task SyncAsync(ServiceDeskDbContext db, Ticket ticket, DateTimeOffset now, CancellationToken ct)
    {
        var isNew = db.Entry(ticket).State == EntityState.Added || ticket.Id == 0;
        var record = isNew ? null : await db.Set<TicketSla>().FirstOrDefaultAsync(x => x.TicketId == ticket.Id, ct);
        var timers = isNew ? [] : await db.Set<SlaTimer>().Where(x => x.TicketId == ticket.Id).ToListAsync(ct);
        if (record is null)
        {
            record = new TicketSla { Ticket = ticket, TicketId = ticket.Id };
            record.Store(Clock.Start(ticket.Priority.ToString(), ticket.CreatedAt));
            db.Add(record);
        }

        var at = now > ticket.CreatedAt ? now : ticket.CreatedAt;
        record.Store(Advance(record.ToState(), ticket, at));
        AdvanceL1(record, ticket, at);
        Reschedule(db, ticket, record, timers);
    }

    /// <summary>The clocks after the ticket's current state is taken into account.</summary>
    public SlaState Advance(SlaState state, Ticket ticket, DateTimeOffset at)
    {
        var priority = ticket.Priority.ToString();
        if (!string.Equals(state.Priority, priority, StringComparison.OrdinalIgnoreCase))
            state = Clock.ChangePriority(state, priority, at);
        if (ticket.FirstResponseAt is { } responded)
            state = Clock.RespondFirst(state, responded);
        switch (ticket.Status)
        {
            case TicketStatus.WaitingForUser:
                if (state.Resolution.IsMet) state = Clock.Reopen(state, at);
                state = Clock.Pause(state, at);
                break;
            case TicketStatus.New or TicketStatus.InProgress:
                if (state.Resolution.IsMet) state = Clock.Reopen(state, at);
                state = Clock.Resume(state, at);
                break;
            default: // Resolved, Closed, Cancelled
                state = Clock.Resolve(state, ticket.ResolvedAt ?? ticket.ClosedAt ?? at);
                break;
        }
        return state;
    }

    private static void AdvanceL1(TicketSla record, Ticket ticket, DateTimeOffset at)
    {
        var working = ticket.Line == SupportLine.L1 && ticket.Status == TicketStatus.InProgress && ticket.AssigneeId is not null;
        if (working && record.L1RunningSince is null)
            record.L1RunningSince = at;
        else if (!working && record.L1RunningSince is { } since)
        {
            record.L1Consumed += at - since;
            record.L1RunningSince = null;
        }
    }

    /// <summary>Creates, moves or drops the unfired timers; fired ones stay as the record that they were told.</summary>
    private void Reschedule(ServiceDeskDbContext db, Ticket ticket, TicketSla record, List<SlaTimer> existing)
    {
        var wanted = Plan(record).ToList();
        foreach (var (kind, fraction, due) in wanted)
        {
            var timer = existing.FirstOrDefault(t => t.Kind == kind && t.Fraction.Equals(fraction));
            if (timer is null)
                db.Add(new SlaTimer { Ticket = ticket, TicketId = ticket.Id, Kind = kind, Fraction = fraction, DueAt = due });
            else if (timer.FiredAt is null && timer.DueAt != due)
                timer.DueAt = due;
        }
        foreach (var timer in existing.Where(t => t.FiredAt is null && !wanted.Any(w => w.Kind == t.Kind && w.Fraction.Equals(t.Fraction))))
            db.Remove(timer);
    }

    /// <summary>The timers the clocks call for now.</summary>
    public IEnumerable<(SlaTimerKind Kind, double Fraction, DateTimeOffset DueAt)> Plan(TicketSla record)
    {
        foreach (var m in Clock.Milestones(record.ToState()))
        {
            var kind = (m.Target, m.IsBreach) switch
            {
                (SlaTargetKind.FirstResponse, false) => SlaTimerKind.ResponseWarning,
                (SlaTargetKind.FirstResponse, true) => SlaTimerKind.ResponseBreach,
                (SlaTargetKind.Resolution, false) => SlaTimerKind.ResolutionWarning,
                _ => SlaTimerKind.ResolutionBreach,
            };
            yield return (kind, m.IsBreach ? 1 : m.Fraction, m.DueAt);
        }
        if (record.L1RunningSince is { } since)
        {
            var left = Clock.Policies.L1TimeBox - record.L1Consumed;
            yield return (SlaTimerKind.L1TimeBox, 0, left <= TimeSpan.Zero ? since : since + left);
        }
    }
}
