using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Diagnostics;
using System.Globalization;

namespace ServiceDesk.Bench.DirectLine;

/// <summary><c>ServiceDesk.Bench directline …</c>: concurrent full intakes over Direct Line; prints turns/s and p50/p99.</summary>
public static class DirectLineBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        WebApplication? channelOnly = null;
        ServiceProcess? service = null;
        try
        {
            string url, target;
            if (options.Url is not null)
                (url, target) = (options.Url, "the service at " + options.Url);
            else if (options.ChannelOnly)
            {
                channelOnly = await ChannelOnlyHost.StartAsync();
                (url, target) = (ChannelOnlyHost.Url(channelOnly).TrimEnd('/'), "the web channel alone (scripted intake, in-process)");
            }
            else
            {
                service = await ServiceProcess.StartAsync(cts.Token);
                (url, target) = (service.Url, $"the real service (own process, data on disk in {service.DataDirectory})");
            }

            var code = await DriveAsync(url, target, options, service, cts.Token);
            if (service is not null)
            {
                Console.WriteLine($"service log: {service.Log.Errors} error and {service.Log.Warnings} warning entries");
                foreach (var kind in service.Log.TopErrors(3))
                    Console.WriteLine("  " + kind);
                if (service.Log.Errors > 0)
                    Console.WriteLine("the first error entry:\n" + service.Log.FirstError());
                if (code != 0)
                    Console.WriteLine(service.Log.Tail(40));
            }

            return code;
        }
        finally
        {
            if (service is not null)
                await service.DisposeAsync();
            if (channelOnly is not null)
                await channelOnly.DisposeAsync();
        }
    }

    private static async Task<int> DriveAsync(string url, string target, BenchOptions options, ServiceProcess? service, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        if (options.Rate > 0)
            return await DrivePacedAsync(http, url, target, options, service, ct);

        // warm-up, not measured: JIT tiering (a fresh service spends up to twice the CPU per turn for its first ~20,000
        // turns), the connection pool, the database's first pages
        var warmClock = Stopwatch.StartNew();
        var warm = new LatencyRecorder();
        await Task.WhenAll(Enumerable.Range(0, options.Warmup > TimeSpan.Zero ? options.Conversations : 0).Select(async user =>
        {
            for (var round = 0; warmClock.Elapsed < options.Warmup; round++)
                await RunOneAsync(new BenchConversation(http, url, $"warm{user}-{round}", options), warm, new LatencyRecorder(), ct);
        }));
        warmClock.Stop();

        var turns = new LatencyRecorder();
        var posts = new LatencyRecorder();
        var runId = DateTime.UtcNow.Ticks.ToString("x", CultureInfo.InvariantCulture);
        var tickets = 0;
        var failures = 0;
        var cpuBefore = service?.CpuTime;
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Conversations).Select(async user =>
        {
            for (var round = 0; round < options.Rounds; round++)
            {
                var conversation = new BenchConversation(http, url, $"b{runId}-{user}-{round}", options);
                if (!await RunOneAsync(conversation, turns, posts, ct))
                    Interlocked.Increment(ref failures);
                else if (conversation.TicketKey is not null)
                    Interlocked.Increment(ref tickets);
            }
        }));
        clock.Stop();
        var cpu = service?.CpuTime - cpuBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientBefore;

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"Direct Line bench against {target}");
        var load = options.Think > TimeSpan.Zero ? $"think time {options.Think.TotalMilliseconds} ms" : "closed loop (no think time)";
        if (options.Warmup > TimeSpan.Zero)
            Console.WriteLine(string.Create(inv, $"warm-up (not measured): {warm.Count} turns in {warmClock.Elapsed.TotalSeconds:F1} s = {warm.Count / warmClock.Elapsed.TotalSeconds:F0} turns/s, p50 {warm.Percentile(50):F1} ms, p99 {warm.Percentile(99):F1} ms"));
        Console.WriteLine(string.Create(inv, $"conversations: {options.Conversations} concurrent × {options.Rounds} rounds, {load}; tickets created: {tickets}, failed: {failures}"));
        PrintFigures(turns, posts, clock.Elapsed.TotalSeconds, cpu, clientCpu);
        return failures == 0 && tickets == options.Conversations * options.Rounds ? 0 : 1;
    }

    /// <summary>About how many turns an intake takes in this bench (problem, "Not that", the questions, confirm).</summary>
    private const int IntakeTurns = 7;

    /// <summary>The offered load's spread is counted in this many bins of the pace.</summary>
    private const int SpreadBins = 20;

    /// <summary>
    /// Paced users, measured in a steady state: every user goes through one intake after another for the whole run,
    /// starting at a random moment of the first intake's span, so that at any time the crowd is spread over all the
    /// intake's steps. (Started together, all 200 would create their tickets and start their next conversations in
    /// the same 200 ms, every 1.4 s: a lockstep no crowd keeps.) What starts inside the window is measured; the load
    /// before (warm-up) and after it is the same.
    /// </summary>
    private static async Task<int> DrivePacedAsync(HttpClient http, string url, string target, BenchOptions options, ServiceProcess? service, CancellationToken ct)
    {
        var cycle = options.Pace * IntakeTurns;
        var window = new MeasureWindow(options.Warmup + cycle, cycle * options.Rounds);
        var turns = new LatencyRecorder(window);
        var posts = new LatencyRecorder(window);
        var runId = DateTime.UtcNow.Ticks.ToString("x", CultureInfo.InvariantCulture);
        var tickets = 0;
        var failures = 0;
        var cpu = MeasureCpuAsync(window, service, ct);
        await Task.WhenAll(Enumerable.Range(0, options.Conversations).Select(async user =>
        {
            var pacer = new Pacer(options.Pace, (options.Lockstep ? options.Pace : cycle) * Random.Shared.NextDouble());
            for (var round = 0; !window.IsOver; round++)
            {
                var conversation = new BenchConversation(http, url, $"p{runId}-{user}-{round}", options);
                if (!await RunOneAsync(conversation, turns, posts, ct, pacer: pacer))
                    Interlocked.Increment(ref failures);
                else if (conversation.TicketKey is not null && window.Contains(conversation.TicketTurnStartedAt))
                    Interlocked.Increment(ref tickets);
            }
        }));
        var (serviceCpu, clientCpu) = await cpu;

        var inv = CultureInfo.InvariantCulture;
        var seconds = window.Length.TotalSeconds;
        Console.WriteLine($"Direct Line bench against {target}");
        var starts = options.Lockstep ? "starts spread over one pace interval (lockstep: all at the same step)" : string.Create(inv, $"starts spread over one intake ({cycle.TotalSeconds:F1} s)");
        Console.WriteLine(string.Create(inv, $"conversations: {options.Conversations} concurrent, paced: each user starts a turn every {options.Pace.TotalMilliseconds:F0} ms (offered {options.Rate:F0} turns/s), one intake after another, {starts}"));
        Console.WriteLine(string.Create(inv, $"measured: the turns started in a {seconds:F1} s window after {(options.Warmup + cycle).TotalSeconds:F1} s of the same load (warm-up, not measured); tickets created in it: {tickets}, failed conversations: {failures}"));
        PrintFigures(turns, posts, seconds, serviceCpu, clientCpu);
        var (fewest, most) = turns.Spread(options.Pace, SpreadBins);
        Console.WriteLine(string.Create(inv, $"offered load: turns started per {options.Pace.TotalMilliseconds / SpreadBins:F0} ms of the {options.Pace.TotalMilliseconds:F0} ms pace, fewest {fewest}, most {most} (spread evenly: {turns.Count / SpreadBins})"));
        return failures == 0 && tickets > 0 ? 0 : 1;
    }

    /// <summary>The figures both load models print: throughput, turn and POST latency, CPU per turn.</summary>
    private static void PrintFigures(LatencyRecorder turns, LatencyRecorder posts, double seconds, TimeSpan? serviceCpu, TimeSpan clientCpu)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"turns: {turns.Count} in {seconds:F2} s = {turns.Count / seconds:F0} turns/s"));
        Console.WriteLine(string.Create(inv, $"turn latency (post → first bot reply on the stream): p50 {turns.Percentile(50):F1} ms, p99 {turns.Percentile(99):F1} ms, max {turns.Percentile(100):F1} ms"));
        if (serviceCpu is { } used)
            Console.WriteLine(string.Create(inv, $"service CPU: {used.TotalSeconds:F2} s = {used.TotalMilliseconds / turns.Count:F2} ms per turn ({used.TotalSeconds / seconds:F2} of the machine's {Environment.ProcessorCount} cores); this client: {clientCpu.TotalMilliseconds / turns.Count:F2} ms per turn"));
        Console.WriteLine(string.Create(inv, $"  of which the POST (answered once the bot has handled the turn): p50 {posts.Percentile(50):F1} ms, p99 {posts.Percentile(99):F1} ms"));
    }

    /// <summary>The service's and this process's CPU time spent inside the window.</summary>
    private static async Task<(TimeSpan? Service, TimeSpan Client)> MeasureCpuAsync(MeasureWindow window, ServiceProcess? service, CancellationToken ct)
    {
        await window.WhenStarted(ct);
        var serviceBefore = service?.CpuTime;
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await window.WhenOver(ct);
        return (service?.CpuTime - serviceBefore, Process.GetCurrentProcess().TotalProcessorTime - clientBefore);
    }

    private static async Task<bool> RunOneAsync(BenchConversation conversation, LatencyRecorder turns, LatencyRecorder posts, CancellationToken ct,
        Pacer? pacer = null)
    {
        try
        {
            await conversation.RunAsync(turns, posts, ct, pacer);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or TimeoutException or System.Net.WebSockets.WebSocketException)
        {
            Console.Error.WriteLine($"conversation failed: {e.GetType().Name}: {e.Message}");
            return false;
        }
    }
}
