using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Bench.Sla;

/// <summary>
/// <c>sla [sizes…]</c>: for each number of open tickets (default 10k, 100k, 1M) fills a SQLite store, then runs
/// monitor passes over minutes in which 100 tickets become due (80 warnings to assignees, 20 breaches to two
/// managers and the managers' channel) and prints the pass times. The first minutes warm up (JIT) and are not counted.
/// </summary>
internal static class SlaMonitorBench
{
    private const int DuePerMinute = 100;
    private const int WarmUpMinutes = 5;
    private const int MeasuredMinutes = 9;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [10_000, 100_000, 1_000_000];
        var dir = Path.Combine(Path.GetTempPath(), "servicedesk-bench");
        Directory.CreateDirectory(dir);
        Console.WriteLine($"SLA monitor pass: {DuePerMinute} tickets due per minute, {MeasuredMinutes} measured minutes after {WarmUpMinutes} warm-up ones; SQLite file store in {dir}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} CPU(s), load average {LoadAverage()} (wall times suffer when the CPUs are shared; cpu = this process's CPU time)");
        Console.WriteLine($"{"open tickets",12} | {"load (s)",8} | {"db (MB)",7} | {"pass median (ms)",16} | {"pass max (ms)",13} | {"cpu median (ms)",15} | {"fired",5} | {"outbox rows",11}");
        foreach (var size in sizes)
            await RunSizeAsync(Path.Combine(dir, $"sla-{size}.db"), size);
        return 0;
    }

    private static async Task RunSizeAsync(string file, int openTickets)
    {
        var store = new BenchStore(file);
        var firstMinute = Now.AddMinutes(1);
        var load = OpenTicketsLoader.Load(store.ConnectionString, openTickets, Now, firstMinute.AddMinutes(WarmUpMinutes + MeasuredMinutes + 1), engineers: 50);

        var options = new ServiceDeskOptions
        {
            Lines = { ["L2"] = new LineOptions { Members = Enumerable.Range(0, 50).Select(i => $"web:eng{i}").ToList(), TeamChannel = "web:team-l2" } },
            Managers = ["web:boss1", "web:boss2"],
            ManagersChannel = "web:managers",
        };
        var clock = new BenchClock(Now);
        var tracker = new SlaTracker(new SlaClock(new SlaPolicyCatalog(new SlaOptions())));
        var monitor = new SlaMonitor(store, tracker, new TicketHooks([tracker]), new OutboxSignal(), TextCatalogLoader.Load(DialogsDirectory()),
            new PeopleDirectory(Options.Create(options)), Options.Create(options), clock);

        var random = new Random(7);
        var used = new HashSet<long>();
        var times = new List<double>();
        var cpu = new List<double>();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var fired = 0;
        for (var minute = 0; minute < WarmUpMinutes + MeasuredMinutes; minute++)
        {
            var end = firstMinute.AddMinutes(minute);
            var due = new List<(long, string, double)>();
            while (due.Count < DuePerMinute)
            {
                var ticket = (long)random.Next(1, openTickets + 1);
                if (used.Add(ticket))
                    due.Add(due.Count < 80 ? (ticket, "ResolutionWarning", 0.5) : (ticket, "ResolutionBreach", 1.0));
            }
            OpenTicketsLoader.MakeDue(store.ConnectionString, due, end);
            clock.Set(end);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var pass = await monitor.RunDueAsync(CancellationToken.None);
            watch.Stop();
            process.Refresh();
            var cpuUsed = process.TotalProcessorTime - cpuBefore;
            if (pass.Fired != due.Count)
                throw new InvalidOperationException($"expected {due.Count} timers to fire, {pass.Fired} did");
            if (minute >= WarmUpMinutes)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add(cpuUsed.TotalMilliseconds);
                fired += pass.Fired;
            }
        }
        times.Sort();
        cpu.Sort();
        var outbox = Scalar(store.ConnectionString, "SELECT COUNT(*) FROM outbox");
        var size = new System.IO.FileInfo(file).Length / 1024.0 / 1024.0;
        Console.WriteLine($"{openTickets,12:N0} | {load.TotalSeconds,8:0.0} | {size,7:0} | {times[times.Count / 2],16:0.0} | {times[^1],13:0.0} | {cpu[cpu.Count / 2],15:0.0} | {fired,5} | {outbox,11}");
        Console.WriteLine($"{"",12}   plan: {Plan(store.ConnectionString)}");
    }

    private static string LoadAverage() =>
        System.IO.File.Exists("/proc/loadavg") ? string.Join(" ", System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static long Scalar(string connectionString, string sql)
    {
        using var c = new SqliteConnection(connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private static string Plan(string connectionString)
    {
        using var c = new SqliteConnection(connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN SELECT * FROM sla_timers WHERE FiredAt IS NULL AND DueAt <= 0 ORDER BY DueAt LIMIT 500";
        using var r = cmd.ExecuteReader();
        var steps = new List<string>();
        while (r.Read())
            steps.Add(r.GetString(3));
        return string.Join("; ", steps);
    }

    private static string DialogsDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "dialogs", "texts", "en.yaml")))
                    return Path.Combine(dir.FullName, "dialogs");
            }
        }
        throw new DirectoryNotFoundException("dialogs/texts/en.yaml not found; run from the repository");
    }

    private sealed class BenchClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Set(DateTimeOffset to) => _now = to;
    }
}
