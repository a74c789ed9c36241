using ServiceDesk.Bot.Cli.Configuration;
using ServiceDesk.Bot.Cli.Knowledge;
using ServiceDesk.Bot.Cli.Outbox;
using ServiceDesk.Bot.Cli.Privacy;
using ServiceDesk.Bot.Cli.Storage;
using ServiceDesk.Bot.Hosting;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Bot.Cli;

/// <summary>
/// Administrator commands of the same binary: <c>dotnet run --project src/ServiceDesk.Bot -- lifecycle</c>,
/// <c>-- kb import deploy/kb</c>… They use the configured store (./data by default). Settings on the command line
/// (<c>--urls …</c>, <c>--ServiceDesk:DataDirectory=…</c>, <c>key=value</c>) start the service; any other first word is a
/// command, and one it does not know is an error (a mistyped <c>bakup</c> must not start the service instead).
/// </summary>
public static class CliRunner
{
    private static readonly string[] Commands = ["lifecycle", "kb", "outbox", "forget", "backup", "check", "help", "--help"];

    public static bool Handles(string[] args) =>
        args.Length > 0 && (Commands.Contains(args[0]) || (!args[0].StartsWith('-') && !args[0].Contains('=')));

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        switch (args[0])
        {
            case "lifecycle":
                await stdout.WriteAsync(LifecycleDiagram.ToMermaid());
                return 0;
            case "kb":
                await using (var app = BuildHost())
                {
                    await app.InitializeServiceDeskAsync();
                    return await KnowledgeCommands.RunAsync(args[1..], app.Services, stdin, stdout, stderr);
                }
            case "outbox":
                await using (var app = BuildHost())
                {
                    if (!await OpenExistingStoreAsync(app, stderr)) return 1;
                    return await OutboxCommands.RunAsync(args[1..], app.Services, stdout, stderr);
                }
            case "forget":
                if (!ForgetCommand.AreArguments(args[1..]))
                {
                    await stderr.WriteLineAsync(ForgetCommand.Usage);
                    return 2;
                }
                await using (var app = BuildHost())
                {
                    if (!await OpenExistingStoreAsync(app, stderr)) return 2;
                    return await ForgetCommand.RunAsync(args[1..], app.Services, stdout, stderr);
                }
            case "check":
                await using (var app = BuildHost())
                {
                    return await ConfigurationCheckCommand.RunAsync(app.Services, stdout, stderr);
                }
            case "backup":
                await using (var app = BuildHost())
                {
                    // no initialization: a backup copies the store as it is, before any upgrade of its schema
                    return await StoreBackupCommand.RunAsync(args[1..], app.Services, stdout, stderr);
                }
            case "help" or "--help":
                await stdout.WriteLineAsync("ServiceDesk.Bot — run with no arguments to start the service.");
                await stdout.WriteLineAsync("""
                    Commands:
                      lifecycle                  the ticket lifecycle as a Mermaid diagram
                      kb …                       knowledge base: import, export, search, eval, show, publish
                      outbox [parked [limit] | retry <id> | drop <id>]
                                                 messages waiting, sent, parked
                      forget <person-id>         erase a person's data (GDPR art. 17)
                      backup <file>              an online copy of the embedded store
                      check                      the settings and dialogs/ as the service validates them at start
                    """);
                return 0;
            default:
                await stderr.WriteLineAsync($"Unknown command '{args[0]}'; 'help' lists the commands.");
                return 2;
        }
    }

    /// <summary>
    /// For a command on the service's store: the store must exist (<see cref="StoreFile"/>); its schema is brought up to
    /// date, nothing else (no knowledge-base seeding from an administrator's command).
    /// </summary>
    private static async Task<bool> OpenExistingStoreAsync(WebApplication app, TextWriter stderr)
    {
        if (!await StoreFile.ExistsAsync(app.Services, stderr)) return false;
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return true;
    }

    /// <summary>The service's composition with its configuration (./data by default), not started.</summary>
    private static WebApplication BuildHost()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDesk();
        return builder.Build();
    }
}
