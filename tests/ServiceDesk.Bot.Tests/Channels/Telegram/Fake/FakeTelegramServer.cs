using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

/// <summary>
/// An in-process Bot API server on 127.0.0.1 (Kestrel, random port) for the adapter's tests and the
/// benchmark: getMe, deleteWebhook, setWebhook, getUpdates (long poll), sendMessage, editMessageText,
/// answerCallbackQuery, setMyCommands, createForumTopic, getChat; scripted errors; every call recorded.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const string Token = "123456:TEST-token_abc";
    public const long BotId = 5550001111;
    public const string BotUsername = "helper_test_bot";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _polling;
    private readonly List<RecordedCall> _calls = [];
    private readonly List<FakeFailure> _failures = [];
    private readonly Dictionary<long, (string Type, bool Forum)> _chats = [];
    private readonly Dictionary<(long Chat, long Id), FakeMessage> _messages = [];
    private readonly Dictionary<long, long> _lastMessageId = [];
    private readonly Dictionary<long, long> _migrated = [];
    private readonly HashSet<long> _blocked = [];
    private long _sequence;
    private long _nextTopic = 1000;

    private FakeTelegramServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public FakeUpdateQueue Updates { get; } = new();

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    /// <summary>Raised for every call once it is answered (on the request thread).</summary>
    public event Action<RecordedCall>? CallRecorded;

    public static async Task<FakeTelegramServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeTelegramServer(app);
        app.Map("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
                return _calls.ToList();
        }
    }

    public IReadOnlyList<RecordedCall> CallsOf(string method) => Calls.Where(c => c.Method == method).ToList();

    /// <summary>Messages as they stand now (edits applied), in the order they were first sent.</summary>
    public IReadOnlyList<FakeMessage> MessagesIn(long chatId)
    {
        lock (_gate)
            return _messages.Values.Where(m => m.ChatId == chatId).OrderBy(m => m.MessageId).ToList();
    }

    public void AddChat(long chatId, string type, bool forum = false)
    {
        lock (_gate)
            _chats[chatId] = (type, forum);
    }

    public void Block(long chatId)
    {
        lock (_gate)
            _blocked.Add(chatId);
    }

    public void Unblock(long chatId)
    {
        lock (_gate)
            _blocked.Remove(chatId);
    }

    public void Migrate(long groupId, long supergroupId)
    {
        lock (_gate)
        {
            _migrated[groupId] = supergroupId;
            _chats[supergroupId] = ("supergroup", false);
        }
    }

    public void Fail(string method, int code, string description, JsonObject? parameters = null, long? chatId = null, int times = 1, int after = 0)
    {
        lock (_gate)
            _failures.Add(new FakeFailure(method, chatId, code, description, parameters, times, after));
    }

    public long PushUpdate(string json) => Updates.Push(JsonNode.Parse(json)!.AsObject());

    /// <summary>Waits until a recorded call matches (or throws after <paramref name="timeout"/>, 10 s by default).</summary>
    public async Task<RecordedCall> WaitForAsync(Func<RecordedCall, bool> match, TimeSpan? timeout = null)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            if (Calls.FirstOrDefault(match) is { } call)
                return call;
            if (limit.Elapsed > (timeout ?? TimeSpan.FromSeconds(10)))
                throw new TimeoutException("no matching Bot API call; calls so far:\n" + string.Join('\n', Calls));
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http, string token, string method)
    {
        var parameters = await ReadParametersAsync(http.Request);
        var (status, body) = token != Token
            ? (401, Error(401, "Unauthorized"))
            : await DispatchAsync(method, parameters, http.RequestAborted);
        var call = new RecordedCall(Interlocked.Increment(ref _sequence), method, parameters, status, Stopwatch.GetTimestamp());
        lock (_gate)
            _calls.Add(call);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
        CallRecorded?.Invoke(call);
    }

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        var result = new JsonObject();
        foreach (var (k, v) in request.Query)
            result[k] = v.ToString();
        if (request.HasFormContentType)
        {
            foreach (var (k, v) in await request.ReadFormAsync())
                result[k] = v.ToString();
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            if (text.Length > 0 && JsonNode.Parse(text) is JsonObject json)
            {
                foreach (var (k, v) in json.ToList())
                {
                    json.Remove(k);
                    result[k] = v;
                }
            }
        }

        return result;
    }
}
