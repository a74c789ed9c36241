using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Conversations.Intake;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Reports;

/// <summary>Computes a <see cref="ServiceReport"/> from the store.</summary>
public static class ReportBuilder
{
    public static async Task<ServiceReport> BuildAsync(ServiceDeskDbContext db, ReportPeriod p, CancellationToken ct)
    {
        var opened = await db.Tickets.AsNoTracking().Where(t => t.CreatedAt >= p.From && t.CreatedAt <= p.To)
            .Select(t => new { t.CreatedAt, t.FirstResponseAt }).ToListAsync(ct);
        var resolved = await db.Tickets.AsNoTracking().Where(t => t.ResolvedAt != null && t.ResolvedAt >= p.From && t.ResolvedAt <= p.To)
            .Select(t => new { t.CreatedAt, ResolvedAt = t.ResolvedAt!.Value, t.ResolvedByLine, t.WasEscalated, t.CsatScore, t.ReopenCount }).ToListAsync(ct);
        var closed = await db.Tickets.AsNoTracking().CountAsync(t => t.ClosedAt != null && t.ClosedAt >= p.From && t.ClosedAt <= p.To && t.Status == TicketStatus.Closed, ct);
        var backlog = await db.Tickets.AsNoTracking()
            .Where(t => t.Status == TicketStatus.New || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.WaitingForUser)
            .Select(t => t.CreatedAt).ToListAsync(ct);
        var deflections = await db.Set<Deflection>().AsNoTracking().CountAsync(d => d.At >= p.From && d.At <= p.To, ct);

        double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
        var acknowledged = opened.Where(t => t.FirstResponseAt is not null).Select(t => (t.FirstResponseAt!.Value - t.CreatedAt).TotalHours).ToList();
        var ages = backlog.Select(c => (p.To - c).TotalHours).Order().ToList();
        var rated = resolved.Where(t => t.CsatScore is not null).Select(t => (double)t.CsatScore!.Value).ToList();
        return new ServiceReport(
            p,
            opened.Count,
            resolved.Count,
            closed,
            backlog.Count,
            ages.Count == 0 ? null : ages[ages.Count / 2],
            Rate(resolved.Count(t => t.ResolvedByLine == SupportLine.L1 && !t.WasEscalated), resolved.Count),
            acknowledged.Count == 0 ? null : acknowledged.Average(),
            resolved.Count == 0 ? null : resolved.Average(t => (t.ResolvedAt - t.CreatedAt).TotalHours),
            deflections,
            Rate(deflections, deflections + opened.Count),
            rated.Count == 0 ? null : rated.Average(),
            Rate(rated.Count, resolved.Count),
            Rate(resolved.Count(t => t.ReopenCount > 0), resolved.Count));
    }
}
