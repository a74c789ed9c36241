using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bench.Intake;
using ServiceDesk.Bot.Hosting;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bench.Engine;

/// <summary>
/// <c>ServiceDesk.Bench engine [--conversations N] [--rounds R]</c>: the conversation engine alone, in this process,
/// on the real service's composition (store on disk, sample knowledge base, web replies delivered in the store), no
/// HTTP: N users at once each run R full intakes. Prints turns/s and the CPU time per turn — the part of a
/// channel's turn that is the engine's.
/// </summary>
public static class EngineBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = 50;
        var rounds = 5;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--conversations": conversations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("usage: engine [--conversations N] [--rounds R]");
                    return 2;
            }
        }

        var data = Directory.CreateTempSubdirectory("sd-bench-engine-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration["ServiceDesk:DataDirectory"] = data;
            builder.Configuration["ServiceDesk:MessagesPerMinute"] = "0"; // simulated users write far faster than people
            builder.Configuration["Knowledge:Folder"] = Path.Combine(RepositoryRoot(), "deploy", "kb");
            builder.AddServiceDesk();
            await using var app = builder.Build();
            await app.InitializeServiceDeskAsync();
            var engine = app.Services.GetRequiredService<ConversationEngine>();

            await DriveAsync(engine, "warm", conversations, 3); // JIT tiering, caches
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var turns = await DriveAsync(engine, "run", conversations, rounds);
            clock.Stop();
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"engine alone: {conversations} users at once × {rounds} intakes = {turns} turns in {clock.Elapsed.TotalSeconds:F2} s = {turns / clock.Elapsed.TotalSeconds:F0} turns/s"));
            Console.WriteLine(string.Create(inv, $"CPU: {used.TotalMilliseconds / turns:F3} ms per turn ({used.TotalSeconds / clock.Elapsed.TotalSeconds:F2} of {Environment.ProcessorCount} cores)"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<int> DriveAsync(ConversationEngine engine, string run, int conversations, int rounds)
    {
        var turns = 0;
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async user =>
        {
            for (var round = 0; round < rounds; round++)
                Interlocked.Add(ref turns, await IntakeAsync(engine, $"{run}{user}-{round}"));
        }));
        return turns;
    }

    /// <summary>One full intake as the Direct Line bench's users do it; returns the number of turns.</summary>
    private static async Task<int> IntakeAsync(ConversationEngine engine, string user)
    {
        string? text = "VPN does not connect", action = null;
        for (var turn = 1; turn <= 15; turn++)
        {
            var result = await engine.HandleAsync(new InboundMessage
            {
                Channel = "web", ConversationId = user, SenderId = user, MessageId = $"{user}-{turn}", Text = text, Action = action, Locale = "en-US",
            }, CancellationToken.None);
            if (result.Messages.Any(m => IntakeChoices.TicketKey().IsMatch(m.Text)))
                return turn;
            var buttons = result.Messages.SelectMany(m => m.Buttons).ToList();
            var pick = IntakeChoices.Pick(buttons.Select(b => b.Label).ToList());
            (text, action) = pick < 0 ? ("My laptop, office 3", null) : (buttons[pick].Label, buttons[pick].Value);
        }
        throw new InvalidOperationException($"no ticket after 15 turns for {user}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ServiceDesk.Bot.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("ServiceDesk.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
