using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.Telegram;
using ServiceDesk.Bot.Channels.Telegram.Receiving;
using ServiceDesk.Bot.Hosting;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

namespace ServiceDesk.Bench.Telegram;

/// <summary>
/// <c>dotnet run --project bench/ServiceDesk.Bench -c Release -- telegram [--updates N] [--chats C] [--warmup W] [--work ticket|help] [--runs echo,service,grammy] [--no-grammy] [--telegram-limits]</c>:
/// polling-mode throughput and update→reply latency against the fake Bot API of (1) our adapter echoing, (2) the whole
/// service doing the real work (engine turn, SQLite transaction, outbox, dispatcher; "ticket": every employee walks the
/// full intake, one ticket and L1 card per 7 turns; "help": one stateless command), next to (3) a grammY echo bot.
/// Each run first sends W updates (default 30000) on other chats, not measured but reported as the cold figure: a freshly
/// started .NET service runs at a fraction of its steady speed until JIT tiering settles. On a busy 2-core machine the
/// whole-service run still spent a quarter of its CPU in the JIT after 5,000 updates, under 1% after 10,000; the echo
/// adapter measured 2,600 upd/s over 3,000 updates after 10,000 and 8,100 upd/s over 10,000 after 30,000 (N defaults to
/// 10000 for the same reason: a window of one second mostly measures its own ramp). --runs picks the runs.
/// Diagnostics: SD_BENCH_DEBUG=1 lists the reply texts; SD_BENCH_MEMSTATE=1 keeps the adapter's state in memory
/// instead of the database (to see what the channel_state reads and writes cost).
/// </summary>
public static class TelegramBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var updates = Option(args, "--updates", 10000);
        var chats = Option(args, "--chats", 50);
        var warmup = Option(args, "--warmup", 30000);
        var limits = args.Contains("--telegram-limits");
        var parallelChats = Option(args, "--parallel-chats", 1);
        Console.WriteLine($"Telegram polling benchmark: {updates} updates, {chats} concurrent private chats (closed loop), after an unmeasured warm-up of {warmup} updates on {chats} other chats");
        Console.WriteLine(limits ? "our rate limiter: Telegram's limits (1/s per chat, 30/s overall)" : "our rate limiter: raised (the fake server is not Telegram)");

        var work = args.Contains("--work") ? args[Array.IndexOf(args, "--work") + 1] : "ticket";
        var runs = args.Contains("--runs") ? args[Array.IndexOf(args, "--runs") + 1].Split(',') : ["echo", "service", "grammy"];
        if (args.Contains("--no-grammy")) runs = runs.Where(r => r != "grammy").ToArray();
        var results = new List<LoadResult>();
        if (runs.Contains("echo"))
            results.Add(await RunOursAsync(updates, chats, warmup, limits));
        if (runs.Contains("service"))
            results.Add(await RunServiceAsync(updates, chats, warmup, limits, work, parallelChats));
        if (runs.Contains("grammy"))
            results.Add(await RunGrammyAsync(updates, chats, warmup));

        Console.WriteLine();
        Console.WriteLine("side by side:");
        foreach (var r in results)
            Console.WriteLine(TelegramLoadDriver.Describe(r));
        return 0;
    }

    private static async Task<LoadResult> RunOursAsync(int updates, int chats, int warmup, bool telegramLimits)
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Telegram:BotToken"] = FakeTelegramServer.Token,
            ["Channels:Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Channels:Telegram:Mode"] = "Polling",
            ["Channels:Telegram:PollTimeoutSeconds"] = "30",
        };
        if (!telegramLimits)
        {
            settings["Channels:Telegram:RateLimits:PerChatPerSecond"] = "100000";
            settings["Channels:Telegram:RateLimits:GlobalPerSecond"] = "100000";
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<ITelegramInboundHandler, EchoInboundHandler>();
        builder.Services.AddTelegramChannel(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            return await MeasureAsync(fake, "ours (C# adapter, echo)", updates, chats, warmup);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<LoadResult> RunServiceAsync(int updates, int chats, int warmup, bool telegramLimits, string work, int parallelChats)
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("sd-bench-telegram-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = "Benchmark" });
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var settings = new Dictionary<string, string?>
            {
                ["ServiceDesk:DataDirectory"] = directory,
                ["ServiceDesk:MessagesPerMinute"] = "0", // simulated users write far faster than people
                ["ServiceDesk:DialogsDirectory"] = Path.Combine(AppContext.BaseDirectory, "dialogs"),
                ["ServiceDesk:People:lena:Identities:0"] = "telegram:42",
                ["ServiceDesk:Lines:L1:Members:0"] = "lena",
                ["ServiceDesk:Lines:L1:TeamChannel"] = "telegram:-1001",
                ["Channels:Telegram:BotToken"] = FakeTelegramServer.Token,
                ["Channels:Telegram:ApiBaseUrl"] = fake.BaseUrl,
                ["Channels:Telegram:PollTimeoutSeconds"] = "30",
                ["Channels:Telegram:ParallelChats"] = parallelChats.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (!telegramLimits)
            {
                settings["Channels:Telegram:RateLimits:PerChatPerSecond"] = "100000";
                settings["Channels:Telegram:RateLimits:PerGroupPerMinute"] = "1000000";
                settings["Channels:Telegram:RateLimits:GlobalPerSecond"] = "100000";
            }

            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddServiceDesk(); // includes AddTelegramChannel; the registrations below override its handler
            builder.Services.AddSingleton<TimedInboundHandler>();
            if (Environment.GetEnvironmentVariable("SD_BENCH_MEMSTATE") == "1")
                builder.Services.AddSingleton<ServiceDesk.Bot.Channels.Telegram.State.ITelegramStateStore, ServiceDesk.Bot.Channels.Telegram.State.InMemoryTelegramStateStore>();
            builder.Services.AddSingleton<ITelegramInboundHandler>(sp => sp.GetRequiredService<TimedInboundHandler>());
            await using var app = builder.Build();
            await app.InitializeServiceDeskAsync();
            await app.StartAsync();
            try
            {
                Func<long, int, string> text = work == "help" ? (_, _) => "/help" : TicketScript();
                var result = await MeasureAsync(fake, $"ours (service: {work})", updates, chats, warmup, text);
                var turns = new LoadResult("engine turn", 0, TimeSpan.Zero, app.Services.GetRequiredService<TimedInboundHandler>().TurnMs.ToList());
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"  of which the engine turn (HandleAsync, incl. warm-up): p50 {turns.Percentile(50):F2} ms, p99 {turns.Percentile(99):F2} ms; the rest is outbox delivery"));
                if (Environment.GetEnvironmentVariable("SD_BENCH_DEBUG") == "1")
                    foreach (var g in fake.CallsOf("sendMessage").GroupBy(c => (c.Text ?? "").Split('\n')[0][..Math.Min(30, (c.Text ?? "").Split('\n')[0].Length)]).OrderByDescending(g => g.Count()))
                        Console.WriteLine($"    {g.Count(),6} × {g.Key}");
                var sent = fake.CallsOf("sendMessage");
                Console.WriteLine($"  tickets opened (incl. warm-up): {sent.Count(c => c.Text?.StartsWith("Ticket SD-", StringComparison.Ordinal) == true)}, "
                    + $"their cards delivered to the L1 group by the end of the run: {sent.Count(c => c.ChatId == -1001)}");
                return result;
            }
            finally
            {
                await app.StopAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Each simulated employee walks the whole intake again and again: problem, type, category, impact, urgency, the
    /// category's question, create. Every 7th turn opens a ticket and posts its card to the L1 group.
    /// </summary>
    private static Func<long, int, string> TicketScript()
    {
        var steps = new System.Collections.Concurrent.ConcurrentDictionary<long, int>();
        string[] script = ["", "1", "1", "2", "2", "Office 3, floor 2", "create"];
        return (user, id) =>
        {
            var step = steps.AddOrUpdate(user, 0, (_, s) => (s + 1) % script.Length);
            return step == 0 ? $"The VPN does not connect since this morning, case {id}" : script[step];
        };
    }

    private static async Task<LoadResult> RunGrammyAsync(int updates, int chats, int warmup)
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        await using var peer = await GrammyPeer.StartAsync(fake.BaseUrl, FakeTelegramServer.Token);
        return await MeasureAsync(fake, "grammY 1.46.0 echo (reference)", updates, chats, warmup);
    }

    private static async Task<LoadResult> MeasureAsync(FakeTelegramServer fake, string name, int updates, int chats, int warmup, Func<long, int, string>? text = null)
    {
        var driver = new TelegramLoadDriver(fake, chats, text ?? ((user, id) => $"bench {user} #{id} hello & <welcome>"));
        if (warmup > 0)
            Console.WriteLine(TelegramLoadDriver.Describe(
                await driver.RunAsync(name + " cold", warmup, TimeSpan.FromMinutes(5), TelegramLoadDriver.FirstUser + 1_000_000)));
        var result = await driver.RunAsync(name, updates, TimeSpan.FromMinutes(10));
        Console.WriteLine(TelegramLoadDriver.Describe(result));
        return result;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }
}
