using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Hosting;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

/// <summary>
/// The web channel inside the whole service (engine, store on disk, outbox dispatcher, default configuration with
/// the demo people and web team channels): what a person types reaches the engine and the answers come back.
/// </summary>
public sealed class DirectLineWithEngineTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sd-dlint-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("SD_TEST_LOG") is not null)
            builder.Logging.AddConsole();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ServiceDesk:DataDirectory"] = _dataDirectory });
        builder.AddServiceDesk();
        _app = builder.Build();
        await _app.InitializeServiceDeskAsync();
        _app.MapServiceDesk();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Employee_when_answering_intake_with_buttons_gets_ticket_key_and_team_room_gets_card()
    {
        var dm = await StartAsync("alice", null);
        var team = await StartAsync("lena", "l1-team");

        var key = await CompleteIntakeAsync(dm, "alice", "The printer on floor 2 prints blank pages");

        var card = await WaitForAsync(team, a => a["attachments"] is JsonArray { Count: > 0 });
        Assert.StartsWith(key, card["attachments"]![0]!["content"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Engineer_when_pressing_card_button_runs_its_command_in_team_room()
    {
        var dm = await StartAsync("alice", null);
        var team = await StartAsync("lena", "l1-team");
        await CompleteIntakeAsync(dm, "alice", "VPN drops every ten minutes");
        var card = await WaitForAsync(team, a => a["attachments"] is JsonArray { Count: > 0 });
        var buttons = card["attachments"]![0]!["content"]!["buttons"]!.AsArray();
        var claim = buttons.First(b => b!["value"]!["action"]!.GetValue<string>().StartsWith("claim", StringComparison.Ordinal))!;

        var response = await PressAsync(team, "lena", claim.AsObject());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notice = await WaitForAsync(dm, a => a["from"]!["role"]!.GetValue<string>() == "bot" && a["text"]!.GetValue<string>().Contains("Lena", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(notice);
    }

    [Fact]
    public async Task Reply_when_the_turn_is_handled_is_in_the_room_when_the_post_returns_and_never_queued()
    {
        var dm = await StartAsync("alice", null);
        var post = await _client.PostAsync($"/v3/directline/conversations/{dm}/activities", Json("""
            {"type":"message","from":{"id":"alice"},"locale":"en-US","text":"help"}
            """));
        var id = (await post.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var page = await _client.GetFromJsonAsync<JsonObject>($"/v3/directline/conversations/{dm}/activities");
        Assert.Contains(page!["activities"]!.AsArray().OfType<JsonObject>(), a => a["replyToId"]?.GetValue<string>() == id);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Outbox.AnyAsync(m => m.Channel == "web"));
    }

    [Fact]
    public async Task Message_when_posted_again_with_the_same_clientActivityID_is_stored_and_answered_once()
    {
        var dm = await StartAsync("alice", null);
        const string message = """{"type":"message","from":{"id":"alice"},"locale":"en-US","text":"help","channelData":{"clientActivityID":"retry-1"}}""";
        var first = await _client.PostAsync($"/v3/directline/conversations/{dm}/activities", Json(message));
        var again = await _client.PostAsync($"/v3/directline/conversations/{dm}/activities", Json(message));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await _client.GetFromJsonAsync<JsonObject>($"/v3/directline/conversations/{dm}/activities");
        var activities = page!["activities"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Single(activities, a => a["from"]!["role"]!.GetValue<string>() == "user");
        var id = (await first.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.All(activities.Where(a => a["from"]!["role"]!.GetValue<string>() == "bot"), a => Assert.Equal(id, a["replyToId"]!.GetValue<string>()));
    }

    /// <summary>Types the problem, then presses the first button that is not "cancel" at each step until a ticket key appears.</summary>
    [Fact]
    public async Task Conversation_when_started_longer_ago_than_its_retention_is_pruned_and_answers_404_while_newer_ones_work()
    {
        var old = await StartWithoutUserAsync(); // bound by its first message: until then never cached
        var recent = await StartWithoutUserAsync();
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync())
        {
            var key = ServiceDesk.Bot.Channels.DirectLine.EfDirectLineStore.ConversationKeyPrefix + old;
            await db.ChannelState.Where(e => e.Key == key).ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedAt, DateTimeOffset.UtcNow.AddDays(-91)));
        }

        var result = await _app.Services.GetRequiredService<ServiceDesk.Core.Storage.Housekeeping.StoreHousekeeping>().PruneOnceAsync(default);

        Assert.Equal(1, result.ChannelState);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/v3/directline/conversations/{old}/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/v3/directline/conversations/{recent}/activities")).StatusCode);
    }

    private async Task<string> CompleteIntakeAsync(string conversation, string user, string problem)
    {
        var first = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = user },
            ["locale"] = "en-US",
            ["text"] = problem,
            ["channelData"] = new JsonObject { ["clientActivityID"] = "p1" },
        };
        var post = await _client.PostAsync($"/v3/directline/conversations/{conversation}/activities", Json(first.ToJsonString()));
        var lastUserActivity = (await post.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        for (var step = 0; step < 12; step++)
        {
            var reply = await WaitForAsync(conversation, a => a["from"]!["role"]!.GetValue<string>() == "bot" && a["replyToId"]?.GetValue<string>() == lastUserActivity
                && (a["attachments"] is JsonArray { Count: > 0 } || Regex.IsMatch(a["text"]!.GetValue<string>(), @"SD-\d+")));
            var key = Regex.Match(reply["text"]!.GetValue<string>(), @"SD-\d+");
            if (key.Success)
                return key.Value;
            var button = reply["attachments"]![0]!["content"]!["buttons"]!.AsArray().OfType<JsonObject>()
                .First(b => !b["title"]!.GetValue<string>().Contains("cancel", StringComparison.OrdinalIgnoreCase));
            var pressed = await PressAsync(conversation, user, button);
            lastUserActivity = (await pressed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }

        Assert.Fail("no ticket key after 12 steps");
        return "";
    }

    /// <summary>What Web Chat posts for a messageBack button: its label as text, its value.</summary>
    private async Task<HttpResponseMessage> PressAsync(string conversation, string user, JsonObject button)
    {
        var press = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = user },
            ["text"] = button["title"]!.GetValue<string>(),
            ["value"] = button["value"]!.DeepClone(),
            ["channelData"] = new JsonObject { ["messageBack"] = new JsonObject { ["displayText"] = button["title"]!.GetValue<string>() } },
        };
        return await _client.PostAsync($"/v3/directline/conversations/{conversation}/activities", Json(press.ToJsonString()));
    }

    private async Task<string> StartWithoutUserAsync()
    {
        var response = await _client.PostAsync("/v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>();
    }

    private async Task<string> StartAsync(string user, string? room)
    {
        var body = new JsonObject { ["user"] = new JsonObject { ["id"] = user } };
        if (room is not null)
            body["room"] = room;
        var response = await _client.PostAsync("/v3/directline/conversations", Json(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>();
    }

    /// <summary>Polls GET activities (as DirectLineJS does) until an activity matches; the outbox delivers asynchronously.</summary>
    private async Task<JsonObject> WaitForAsync(string conversation, Func<JsonObject, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var seen = new List<string>();
        while (true)
        {
            var page = await _client.GetFromJsonAsync<JsonObject>($"/v3/directline/conversations/{conversation}/activities?watermark=", timeout.Token);
            foreach (var activity in page!["activities"]!.AsArray().OfType<JsonObject>())
            {
                if (match(activity))
                    return activity;
                seen.Add(activity["text"]?.ToString() ?? "(no text)");
            }

            if (timeout.IsCancellationRequested)
                Assert.Fail("no matching activity; saw: " + string.Join(" | ", seen));
            seen.Clear();
            await Task.Delay(50, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static StringContent Json(string json) => DirectLineHost.Json(json);
}
