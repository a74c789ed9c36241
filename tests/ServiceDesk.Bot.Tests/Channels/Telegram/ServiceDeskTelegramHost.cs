using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Hosting;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>
/// The whole service (core, engine, SQLite store in a temp folder, outbox) with the Telegram channel in polling
/// mode against the fake Bot API.
/// </summary>
public sealed class ServiceDeskTelegramHost : IAsyncDisposable
{
    private readonly string _directory;
    private readonly bool _ownsDirectory;

    private ServiceDeskTelegramHost(WebApplication app, string directory, bool ownsDirectory)
    {
        App = app;
        _directory = directory;
        _ownsDirectory = ownsDirectory;
    }

    public WebApplication App { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Starts the service; with a <paramref name="directory"/> (kept on dispose) a second host over it plays a restart.</summary>
    public static async Task<ServiceDeskTelegramHost> StartAsync(FakeTelegramServer fake, IDictionary<string, string?> settings, string? directory = null)
    {
        var owns = directory is null;
        directory ??= Directory.CreateTempSubdirectory("sd-telegram-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var config = new Dictionary<string, string?>
        {
            ["ServiceDesk:DataDirectory"] = directory,
            ["ServiceDesk:DialogsDirectory"] = Path.Combine(AppContext.BaseDirectory, "dialogs"),
            ["Channels:Telegram:BotToken"] = FakeTelegramServer.Token,
            ["Channels:Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Channels:Telegram:PollTimeoutSeconds"] = "1",
            ["Channels:Telegram:RateLimits:PerChatPerSecond"] = "1000",
            ["Channels:Telegram:RateLimits:PerGroupPerMinute"] = "10000",
            ["Channels:Telegram:RateLimits:GlobalPerSecond"] = "10000",
        };
        foreach (var (k, v) in settings)
            config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);
        builder.AddServiceDesk(); // includes AddTelegramChannel

        var app = builder.Build();
        await app.InitializeServiceDeskAsync();
        app.MapServiceDesk(); // includes MapTelegramEndpoints
        await app.StartAsync();
        return new ServiceDeskTelegramHost(app, directory, owns);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDirectory)
            return;
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
