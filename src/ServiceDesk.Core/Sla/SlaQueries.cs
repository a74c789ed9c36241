using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>Read side of the SLA: time left per ticket (cards, <c>show</c>, <c>queue</c>) and the managers' overview (<c>sla</c>).</summary>
public sealed class SlaQueries(SlaClock clock)
{
    /// <summary>
    /// The time left on each ticket's nearest open target (first response until met, then resolution), for display
    /// and for sorting a queue (ascending <see cref="SlaStanding.Left"/>; breached tickets first).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, SlaStanding>> StandingAsync(ServiceDeskDbContext db, IReadOnlyCollection<long> ticketIds, DateTimeOffset now, CancellationToken ct)
    {
        var records = await db.Set<TicketSla>().AsNoTracking().Where(s => ticketIds.Contains(s.TicketId)).ToListAsync(ct);
        return records.ToDictionary(r => r.TicketId, r => Standing(r.ToState(), now));
    }

    public SlaStanding Standing(SlaState state, DateTimeOffset now)
    {
        var track = state.FirstResponse.IsMet ? state.Resolution : state.FirstResponse;
        return new SlaStanding(track.Kind, clock.Remaining(track, now), track.DueAt, state.Paused, track.IsMet, track.IsBreachedAt(now));
    }

    /// <summary>
    /// A work queue by SLA time left: overdue and nearest first, clocks paused while waiting for the user after the
    /// running ones, tickets without clocks last; <paramref name="tickets"/>' own order breaks ties.
    /// </summary>
    public static IEnumerable<T> SortByTimeLeft<T>(IEnumerable<T> tickets, Func<T, SlaStanding?> standing) =>
        tickets.Select((t, i) => (Ticket: t, Index: i, Standing: standing(t)))
            .OrderBy(x => x.Standing is null ? 2 : x.Standing.Paused ? 1 : 0)
            .ThenBy(x => x.Standing?.Left ?? TimeSpan.MaxValue)
            .ThenBy(x => x.Index)
            .Select(x => x.Ticket);

    /// <summary>One line for people: <c>⏱ resolution: 3h 20m left</c>, paused, or overdue.</summary>
    public string Describe(SlaStanding standing, TextCatalog texts, string lang)
    {
        var target = texts.Format(lang, standing.Target);
        var time = SlaText.Duration(standing.Left);
        if (standing.Left < TimeSpan.Zero || standing.Breached)
            return texts.Get(lang, "sla.standing.overdue", ("target", target), ("time", time));
        return texts.Get(lang, standing.Paused ? "sla.standing.paused" : "sla.standing.left", ("target", target), ("time", time));
    }

    /// <summary>Open tickets past a target, and those warned about but not yet past it; each list at most <paramref name="take"/>, most urgent first.</summary>
    public async Task<SlaOverview> OverviewAsync(ServiceDeskDbContext db, DateTimeOffset now, int take, CancellationToken ct)
    {
        var open = db.Tickets.Where(t => t.Status == TicketStatus.New || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.WaitingForUser);
        var breached = await (
                from s in db.Set<TicketSla>()
                join t in open on s.TicketId equals t.Id
                where s.ResponseDueAt <= now || s.ResolutionDueAt <= now
                      || (s.ResponseMetAt == null && s.ResponseConsumed > s.ResponseTarget)
                      || (s.ResolutionMetAt == null && s.ResolutionConsumed > s.ResolutionTarget)
                select new { Sla = s, Ticket = t })
            .AsNoTracking().Take(take * 4).ToListAsync(ct);

        var warnedKinds = new[] { SlaTimerKind.ResponseWarning, SlaTimerKind.ResolutionWarning };
        var warned = await (
                from w in db.Set<SlaTimer>()
                where w.FiredAt != null && warnedKinds.Contains(w.Kind)
                join s in db.Set<TicketSla>() on w.TicketId equals s.TicketId
                join t in open on s.TicketId equals t.Id
                where (w.Kind == SlaTimerKind.ResponseWarning && s.ResponseDueAt > now) || (w.Kind == SlaTimerKind.ResolutionWarning && s.ResolutionDueAt > now)
                select new { Sla = s, Ticket = t })
            .AsNoTracking().Take(take * 4).ToListAsync(ct);

        SlaOverviewEntry Entry(TicketSla s, Ticket t)
        {
            var standing = Standing(s.ToState(), now);
            var state = s.ToState();
            // show the target that is in trouble: the breached one if any, else the nearer one
            var worst = new[] { state.FirstResponse, state.Resolution }.Where(x => !x.IsMet).OrderBy(x => clock.Remaining(x, now)).FirstOrDefault();
            return new SlaOverviewEntry(t.Key, t.Title, t.Priority, t.Line, t.AssigneeName,
                worst?.Kind ?? standing.Target, worst is null ? standing.Left : clock.Remaining(worst, now), worst?.DueAt ?? standing.DueAt, state.Paused);
        }

        var breachedEntries = breached.Select(x => Entry(x.Sla, x.Ticket)).OrderBy(e => e.Left).Take(take).ToList();
        var breachedKeys = breachedEntries.Select(e => e.Key).ToHashSet();
        var atRisk = warned.Where(x => !breachedKeys.Contains(x.Ticket.Key)).DistinctBy(x => x.Ticket.Id)
            .Select(x => Entry(x.Sla, x.Ticket)).OrderBy(e => e.Left).Take(take).ToList();
        return new SlaOverview(atRisk, breachedEntries);
    }
}
