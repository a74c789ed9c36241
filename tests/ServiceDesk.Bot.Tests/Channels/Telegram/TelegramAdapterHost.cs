using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.Telegram;
using ServiceDesk.Bot.Channels.Telegram.Receiving;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>
/// The real adapter (AddTelegramChannel + MapTelegramEndpoints) in a test-server host, talking to the fake
/// Bot API. The state store can be shared between hosts to play a restart.
/// </summary>
public sealed class TelegramAdapterHost : IAsyncDisposable
{
    public const string Secret = "s3cr3t_Token-1";

    private TelegramAdapterHost(WebApplication app, RecordingInboundHandler handler)
    {
        App = app;
        Handler = handler;
    }

    /// <summary>The production policy's shape with test-sized pauses.</summary>
    public static TelegramRetryPolicy FastRetry { get; } = new()
    {
        QuickDelay = TimeSpan.FromMilliseconds(1),
        FirstBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
        RoundsBeforeSkip = 3,
    };

    public WebApplication App { get; }

    public RecordingInboundHandler Handler { get; }

    public HttpClient Http => App.GetTestClient();

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<TelegramAdapterHost> StartAsync(
        FakeTelegramServer fake,
        TelegramMode mode = TelegramMode.Polling,
        ITelegramStateStore? store = null,
        IDictionary<string, string?>? settings = null,
        ILoggerProvider? logs = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(logs);
        var config = new Dictionary<string, string?>
        {
            ["Channels:Telegram:BotToken"] = FakeTelegramServer.Token,
            ["Channels:Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Channels:Telegram:Mode"] = mode.ToString(),
            ["Channels:Telegram:SecretToken"] = Secret,
            ["Channels:Telegram:PollTimeoutSeconds"] = "1",
            ["Channels:Telegram:RateLimits:PerChatPerSecond"] = "1000",
            ["Channels:Telegram:RateLimits:PerGroupPerMinute"] = "10000",
            ["Channels:Telegram:RateLimits:GlobalPerSecond"] = "10000",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);
        var handler = new RecordingInboundHandler();
        builder.Services.AddSingleton<ITelegramInboundHandler>(handler);
        if (store is not null)
            builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(FastRetry);
        builder.Services.AddTelegramChannel(builder.Configuration);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapTelegramEndpoints();
        await app.StartAsync();
        return new TelegramAdapterHost(app, handler);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
