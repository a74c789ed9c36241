using System.Globalization;
using ServiceDesk.Core.Reports;

namespace ServiceDesk.Core.Conversations.Commands;

/// <summary><c>report week|month|year</c>: the manager's compact summary of the period.</summary>
public sealed class ReportCommand : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["report"];

    public bool Accepts(string args) => ParsedCommand.SplitFirst(args).Head.ToLowerInvariant() is "week" or "month" or "year";

    public async Task ExecuteAsync(TurnContext ctx, ParsedCommand command, CancellationToken ct)
    {
        if (!ctx.Person.IsManager)
        {
            ctx.Reply("refused.managers_only", ("command", command.Name));
            return;
        }
        var name = ParsedCommand.SplitFirst(command.Args).Head;
        if (ReportPeriod.Parse(name.Length == 0 ? "week" : name, ctx.Now) is not { } period)
        {
            ctx.Reply("report.usage");
            return;
        }
        var r = await ReportBuilder.BuildAsync(ctx.Db, period, ct);
        static string Pct(double? v) => v is { } x ? (x * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";
        static string Num(double? v) => v is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) : "–";
        ctx.Reply("report.summary",
            ("period", ctx.T("report.period." + period.Name)), ("opened", r.Opened), ("resolved", r.Resolved), ("closed", r.Closed),
            ("backlog", r.Backlog), ("age", Num(r.BacklogMedianAgeHours)), ("flr", Pct(r.FirstLineResolutionRate)),
            ("mtta", Num(r.MeanHoursToAcknowledge)), ("mttr", Num(r.MeanHoursToResolve)), ("deflections", r.Deflections),
            ("deflection", Pct(r.DeflectionRate)), ("csat", Num(r.CsatAverage)), ("csat_rate", Pct(r.CsatResponseRate)), ("reopen", Pct(r.ReopenRate)));
    }
}
