using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.DirectLine;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

/// <summary>An in-process host with only the web channel and a <see cref="ScriptedBot"/>, on a manual clock.</summary>
public sealed class DirectLineHost : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789abcdef";

    private readonly WebApplication _app;

    private DirectLineHost(WebApplication app, FakeClock clock)
    {
        _app = app;
        Clock = clock;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public FakeClock Clock { get; }

    public TestServer Server => _app.GetTestServer();

    public ScriptedBot Bot => (ScriptedBot)_app.Services.GetRequiredService<IWebInboundHandler>();

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<DirectLineHost> StartAsync(string? secret = null, Dictionary<string, string?>? settings = null, IDirectLineStore? store = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var config = new Dictionary<string, string?> { ["Channels:WebChat:DirectLineSecret"] = secret };
        foreach (var (k, v) in settings ?? [])
            config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(store ?? new InMemoryDirectLineStore());
        builder.Services.AddSingleton<IWebInboundHandler, ScriptedBot>();
        builder.Services.AddWebChatChannel(builder.Configuration);
        var app = builder.Build();
        app.MapWebChat();
        await app.StartAsync();
        return new DirectLineHost(app, clock);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public HttpRequestMessage Request(HttpMethod method, string path, string? bearer = null, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (json is not null)
            request.Content = Json(json);
        return request;
    }

    /// <summary>Starts a conversation and returns its id and token.</summary>
    public async Task<(string Id, string Token)> StartConversationAsync(string? userId = "alice", string? bearer = null, string? room = null)
    {
        var body = new JsonObject();
        if (userId is not null)
            body["user"] = new JsonObject { ["id"] = userId };
        if (room is not null)
            body["room"] = room;
        var response = await Client.SendAsync(Request(HttpMethod.Post, "/v3/directline/conversations", bearer, body.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (json["conversationId"]!.GetValue<string>(), json["token"]!.GetValue<string>());
    }

    public async Task<HttpResponseMessage> PostActivityAsync(string conversationId, string activityJson, string? bearer = null) =>
        await Client.SendAsync(Request(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", bearer, activityJson));

    public async Task<string> SendTextAsync(string conversationId, string text, string from = "alice", string? clientActivityId = null, string? bearer = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = from },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        var response = await PostActivityAsync(conversationId, activity.ToJsonString(), bearer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>GET activities; returns the activities and the new watermark.</summary>
    public async Task<(JsonArray Activities, string Watermark)> GetActivitiesAsync(string conversationId, string? watermark = null, string? bearer = null)
    {
        var response = await Client.SendAsync(Request(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", bearer));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (json["activities"]!.AsArray(), json["watermark"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
