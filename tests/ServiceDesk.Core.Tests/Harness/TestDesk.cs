using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tests.Harness;

/// <summary>
/// The real engine and store (SQLite in a temporary folder) with a fake clock and the in-memory test channel.
/// <see cref="RestartAsync"/> throws the services away and builds them again over the same database, as a process restart would.
/// </summary>
public sealed class TestDesk : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configure;
    private ServiceProvider _services = null!;
    private int _messageIds;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "sdtest-" + Guid.NewGuid().ToString("N"));

    public FakeClock Clock { get; } = new();

    public InMemoryChannel Channel { get; } = new();

    public IServiceProvider Services => _services;

    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["ServiceDesk:People:alice:Name"] = "Alice",
        ["ServiceDesk:People:alice:Identities:0"] = "test:alice",
        ["ServiceDesk:People:bob:Name"] = "Bob",
        ["ServiceDesk:People:bob:Identities:0"] = "test:bob",
        ["ServiceDesk:People:lena:Name"] = "Lena",
        ["ServiceDesk:People:lena:Identities:0"] = "test:lena",
        ["ServiceDesk:People:kate:Name"] = "Kate",
        ["ServiceDesk:People:kate:Identities:0"] = "test:kate",
        ["ServiceDesk:People:oleg:Name"] = "Oleg",
        ["ServiceDesk:People:oleg:Identities:0"] = "test:oleg",
        ["ServiceDesk:People:ivan:Name"] = "Ivan",
        ["ServiceDesk:People:ivan:Identities:0"] = "test:ivan",
        ["ServiceDesk:People:maria:Name"] = "Maria",
        ["ServiceDesk:People:maria:Identities:0"] = "test:maria",
        ["ServiceDesk:Lines:L1:Members:0"] = "lena",
        ["ServiceDesk:Lines:L1:Members:1"] = "kate",
        ["ServiceDesk:Lines:L1:Lead"] = "lena",
        ["ServiceDesk:Lines:L1:TeamChannel"] = "test:l1-team",
        ["ServiceDesk:Lines:L2:Members:0"] = "oleg",
        ["ServiceDesk:Lines:L2:TeamChannel"] = "test:l2-team",
        ["ServiceDesk:Lines:L3:Members:0"] = "ivan",
        ["ServiceDesk:Lines:L3:TeamChannel"] = "test:l3-team",
        ["ServiceDesk:Managers:0"] = "maria",
        ["ServiceDesk:ManagersChannel"] = "test:managers",
    };

    private TestDesk(Dictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        _settings = settings;
        _configure = configure;
        _settings["ServiceDesk:DataDirectory"] = DataDirectory;
    }

    public static async Task<TestDesk> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var desk = new TestDesk(settings ?? DefaultSettings(), configure);
        await desk.BuildAsync();
        return desk;
    }

    private async Task BuildAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddServiceDeskCore();
        services.AddSingleton<IChannelSender>(Channel);
        _configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await _services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await BuildAsync();
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A person writes (or presses a button) in a conversation; the turn runs and the outbox is delivered.</summary>
    public async Task<TurnResult> SendAsync(string sender, string conversation, string? text, string? action = null, bool? isPrivate = null,
        string? threadId = null, string? locale = null, string? messageId = null, string? senderName = null)
    {
        var message = new InboundMessage
        {
            Channel = "test",
            ConversationId = conversation,
            SenderId = sender,
            SenderName = senderName,
            MessageId = messageId ?? "m" + Interlocked.Increment(ref _messageIds),
            Text = text,
            Action = action,
            IsPrivate = isPrivate ?? conversation == sender,
            ThreadId = threadId,
            Locale = locale,
        };
        var result = await Get<ConversationEngine>().HandleAsync(message, CancellationToken.None);
        await DeliverAsync();
        return result;
    }

    /// <summary>The answers <see cref="OpenTicketAsync"/> gives after the description: incident, "other", medium × medium (P3), create.</summary>
    public static readonly string[] IntakeAnswers = ["incident", "other", "medium", "medium", "create"];

    /// <summary>Goes through the whole intake with <see cref="IntakeAnswers"/>; message ids get <paramref name="messageIdPrefix"/> when given.</summary>
    public async Task<TurnResult> OpenTicketAsync(string requester, string description, string? messageIdPrefix = null)
    {
        string? Id(int i) => messageIdPrefix is null ? null : $"{messageIdPrefix}-{i}";
        var last = await SendAsync(requester, requester, description, messageId: Id(0));
        for (var i = 0; i < IntakeAnswers.Length; i++)
            last = await SendAsync(requester, requester, IntakeAnswers[i], messageId: Id(i + 1));
        return last;
    }

    public async Task DeliverAsync()
    {
        var dispatcher = Get<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, true);
        }
        catch (IOException)
        {
            // A file still held by the OS: the temp folder is cleaned later.
        }
    }
}
