using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ServiceDesk.Bench.Sla;

/// <summary>
/// Fills the store with open, claimed P3 tickets and their SLA clocks and timers by raw SQL in one transaction
/// (prepared statements, reused; no journal while loading, WAL afterwards as the service runs): three pending timers
/// per ticket (resolution warnings at 50%, 75%, and breach), spread over the next 30 days, none due before
/// <paramref name="quietUntil"/>.
/// </summary>
internal static class OpenTicketsLoader
{
    public static TimeSpan Load(string connectionString, int count, DateTimeOffset now, DateTimeOffset quietUntil, int engineers)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144;";
            pragma.ExecuteNonQuery();
        }
        using var tx = connection.BeginTransaction();
        var ticket = Prepare(connection, tx, """
            INSERT INTO tickets (Id, Number, Key, Type, Title, Description, Category, Impact, Urgency, Priority, Line, Status,
              AssigneeId, AssigneeName, RequesterId, RequesterName, OriginChannel, OriginConversationId, Language, Details,
              CreatedAt, UpdatedAt, FirstResponseAt, ResolvedAt, ClosedAt, Resolution, ResolvedByLine, WasEscalated, ReopenCount, CsatScore, Version)
            VALUES ($id, $id, $key, 'Incident', $title, 'Generated for the SLA benchmark', 'network', 'Medium', 'Medium', 'P3', 'L2', 'InProgress',
              $assignee, $assignee, $requester, 'Requester', 'web', $requester, 'en', NULL,
              $created, $created, $created, NULL, NULL, NULL, NULL, 0, 0, NULL, 1)
            """, "$id", "$key", "$title", "$assignee", "$requester", "$created");
        var sla = Prepare(connection, tx, """
            INSERT INTO ticket_sla (TicketId, Priority, Paused, ResponseTarget, ResponseCalendar, ResponseConsumed, ResponseRunningSince, ResponseDueAt, ResponseMetAt,
              ResolutionTarget, ResolutionCalendar, ResolutionConsumed, ResolutionRunningSince, ResolutionDueAt, ResolutionMetAt, L1Consumed, L1RunningSince)
            VALUES ($id, 'P3', 0, $rt, 'business', 0, NULL, NULL, $created, $target, 'business', 0, $created, $due, NULL, 0, NULL)
            """, "$id", "$rt", "$created", "$target", "$due");
        var timer = Prepare(connection, tx, "INSERT INTO sla_timers (TicketId, Kind, Fraction, DueAt, FiredAt) VALUES ($id, $kind, $fraction, $due, NULL)",
            "$id", "$kind", "$fraction", "$due");

        var random = new Random(42);
        var quiet = quietUntil.ToUnixTimeMilliseconds();
        var span = (long)TimeSpan.FromDays(30).TotalMilliseconds;
        for (var i = 1; i <= count; i++)
        {
            var created = now.AddMinutes(-random.Next(0, 600)).ToUnixTimeMilliseconds();
            var breach = quiet + 3 * 60_000 + (long)(random.NextDouble() * span);
            var warn50 = quiet + 60_000 + (breach - quiet - 60_000) / 2;
            var warn75 = quiet + 60_000 + (breach - quiet - 60_000) * 3 / 4;
            Run(ticket, i, $"SD-{i}", $"Ticket {i}", $"web:eng{i % engineers}", $"web:user{i}", created);
            Run(sla, i, TimeSpan.FromHours(2).Ticks, created, TimeSpan.FromHours(24).Ticks, breach);
            Run(timer, i, "ResolutionWarning", 0.5, warn50);
            Run(timer, i, "ResolutionWarning", 0.75, warn75);
            Run(timer, i, "ResolutionBreach", 1.0, breach);
        }
        tx.Commit();
        using (var tidy = connection.CreateCommand())
        {
            tidy.CommandText = "ANALYZE; PRAGMA journal_mode = WAL;";
            tidy.ExecuteNonQuery();
        }
        return watch.Elapsed;
    }

    /// <summary>Moves the timers of <paramref name="tickets"/> so that one of each comes due inside the minute before <paramref name="minuteEnd"/>.</summary>
    public static void MakeDue(string connectionString, IReadOnlyList<(long Ticket, string Kind, double Fraction)> timers, DateTimeOffset minuteEnd)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        var update = Prepare(connection, tx, "UPDATE sla_timers SET DueAt = $due WHERE TicketId = $id AND Kind = $kind AND Fraction = $fraction", "$due", "$id", "$kind", "$fraction");
        var start = minuteEnd.AddMinutes(-1).ToUnixTimeMilliseconds();
        for (var i = 0; i < timers.Count; i++)
            Run(update, start + i * 60_000L / timers.Count, timers[i].Ticket, timers[i].Kind, timers[i].Fraction);
        tx.Commit();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var n in names)
            cmd.Parameters.Add(new SqliteParameter { ParameterName = n });
        cmd.Prepare();
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            cmd.Parameters[i].Value = values[i];
        cmd.ExecuteNonQuery();
    }
}
