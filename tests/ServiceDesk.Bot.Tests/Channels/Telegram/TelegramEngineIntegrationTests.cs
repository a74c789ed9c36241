using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Bot.Channels.Telegram.Receiving;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>The adapter with the real engine and store: redelivery, blocked users, buttons a person may not press.</summary>
public sealed class TelegramEngineIntegrationTests : IAsyncLifetime
{
    private const long Ada = 111111, Lena = 222222, L1 = -3330003;
    private FakeTelegramServer _fake = null!;
    private string _directory = null!;

    private static Dictionary<string, string?> Settings(string mode = "Polling") => new()
    {
        ["ServiceDesk:People:ada:Name"] = "Ada",
        ["ServiceDesk:People:ada:Identities:0"] = $"telegram:{Ada}",
        ["ServiceDesk:People:lena:Name"] = "Lena",
        ["ServiceDesk:People:lena:Identities:0"] = $"telegram:{Lena}",
        ["ServiceDesk:Lines:L1:Members:0"] = "lena",
        ["ServiceDesk:Lines:L1:TeamChannel"] = $"telegram:{L1}",
        ["Channels:Telegram:Mode"] = mode,
        ["Channels:Telegram:SecretToken"] = TelegramAdapterHost.Secret,
    };

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync();
        _fake.AddChat(L1, "group");
        _directory = Directory.CreateTempSubdirectory("sd-telegram-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Button_value_when_last_sent_longer_ago_than_its_retention_is_pruned_and_a_recent_one_kept()
    {
        await using var host = await ServiceDeskTelegramHost.StartAsync(_fake, Settings(), _directory);
        var store = host.Get<ServiceDesk.Bot.Channels.Telegram.State.ITelegramStateStore>();
        var old = await store.StoreCallbackValueAsync("reopen SD-1 " + new string('x', 80), default);
        var recent = await store.StoreCallbackValueAsync("reopen SD-2 " + new string('x', 80), default);
        await using (var db = await host.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync())
        {
            var key = ServiceDesk.Bot.Channels.Telegram.State.KeyValueTelegramStateStore.CallbackKeyPrefix + old;
            await db.ChannelState.Where(e => e.Key == key).ExecuteUpdateAsync(s => s.SetProperty(e => e.UpdatedAt, DateTimeOffset.UtcNow.AddDays(-91)));
        }

        var result = await host.Get<ServiceDesk.Core.Storage.Housekeeping.StoreHousekeeping>().PruneOnceAsync(default);

        Assert.Equal(1, result.ChannelState);
        Assert.Null(await store.FindCallbackValueAsync(old, default)); // pressing it answers that the button has expired
        Assert.NotNull(await store.FindCallbackValueAsync(recent, default));
    }

    [Fact]
    public async Task Webhook_when_telegram_redelivers_an_update_after_a_restart_creates_nothing_twice()
    {
        var update = JsonSerializer.Serialize(new
        {
            update_id = 4242,
            message = new
            {
                message_id = 1, date = 1735689600, text = "The printer on floor 3 is jammed again",
                from = new { id = Ada, is_bot = false, first_name = "Ada", language_code = "en" },
                chat = new { id = Ada, type = "private" },
            },
        });
        await using (var first = await ServiceDeskTelegramHost.StartAsync(_fake, Settings("Webhook"), _directory))
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(first, update)).StatusCode);
            await _fake.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == Ada);
        }

        await using var second = await ServiceDeskTelegramHost.StartAsync(_fake, Settings("Webhook"), _directory);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(second, update)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(second, update)).StatusCode);
        await Task.Delay(500);

        // The intake asked its first question once; the conversation did not move on a step.
        var asked = Assert.Single(_fake.CallsOf("sendMessage"), c => c.ChatId == Ada);
        Assert.Contains("Is something broken", asked.Text);
        await using var db = await second.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.ProcessedMessages.CountAsync(p => p.Channel == "telegram" && p.MessageId == "update:4242"));
        Assert.Equal("type", (await db.Conversations.SingleAsync()).Step);
    }

    [Fact]
    public async Task Send_when_employee_blocked_the_bot_parks_the_reply_marks_them_unreachable_and_recovers_when_they_write_again()
    {
        await using var host = await ServiceDeskTelegramHost.StartAsync(_fake, Settings(), _directory);
        var people = new TelegramStoryUpdates(_fake);
        _fake.Block(Ada);

        people.PrivateText(Ada, "Ada", "status");
        await _fake.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == Ada && c.Status == 403);
        await Task.Delay(500);

        Assert.Single(_fake.CallsOf("sendMessage"), c => c.ChatId == Ada);
        await using (var db = await host.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync())
        {
            var parked = await db.Outbox.SingleAsync(m => m.ConversationId == Ada.ToString());
            Assert.Equal(OutboxStatus.Parked, parked.Status);
            Assert.Contains("blocked", parked.LastError);
            Assert.True((await db.Profiles.SingleAsync(p => p.PersonId == "ada")).Unreachable);
        }

        _fake.Unblock(Ada);
        people.PrivateText(Ada, "Ada", "help");
        var delivered = await _fake.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == Ada && c.Succeeded);
        Assert.False(string.IsNullOrEmpty(delivered.Text));
        await using (var db = await host.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync())
            Assert.False((await db.Profiles.SingleAsync(p => p.PersonId == "ada")).Unreachable);
    }

    [Fact]
    public async Task Button_when_it_names_a_ticket_the_person_may_not_touch_is_answered_refused_and_changes_nothing()
    {
        await using var host = await ServiceDeskTelegramHost.StartAsync(_fake, Settings(), _directory);
        var people = new TelegramStoryUpdates(_fake);
        await OpenTicketAsync(people);
        var adaMessage = _fake.MessagesIn(Ada)[^1];
        var created = _fake.CallsOf("sendMessage").Last(c => c.ChatId == Ada);
        var answered = _fake.CallsOf("answerCallbackQuery").Count;

        // A forged press: Ada's client sends "claim SD-1", a button only engineers get.
        people.Press(Ada, "Ada", adaMessage, "claim SD-1", mustBeOnTheMessage: false);
        await _fake.WaitForAsync(c => c.Method == "answerCallbackQuery" && _fake.CallsOf("answerCallbackQuery").Count > answered);
        var refusal = await _fake.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == Ada && c.Sequence > created.Sequence);

        Assert.Contains("SD-1", refusal.Text);
        Assert.DoesNotContain("You have taken", refusal.Text);
        await using var db = await host.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var ticket = await db.Tickets.SingleAsync();
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Null(ticket.AssigneeId);
        Assert.Single(_fake.CallsOf("sendMessage"), c => c.ChatId == L1);
    }

    /// <summary>Ada walks through the intake (text, buttons, a detail, create) and SD-1 is opened.</summary>
    private async Task OpenTicketAsync(TelegramStoryUpdates people)
    {
        var replies = 0;
        async Task NextReplyAsync()
        {
            replies++;
            await _fake.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == Ada && _fake.CallsOf("sendMessage").Count(x => x.ChatId == Ada) >= replies);
        }

        people.PrivateText(Ada, "Ada", "The printer on floor 3 is jammed again");
        await NextReplyAsync();
        foreach (var answer in new[] { "incident", "hardware", "low", "low" })
        {
            people.Press(Ada, "Ada", _fake.MessagesIn(Ada)[^1], answer);
            await NextReplyAsync();
        }

        while (!_fake.MessagesIn(Ada)[^1].ButtonData.Contains("create"))
        {
            people.PrivateText(Ada, "Ada", "Printer P-3, floor 3");
            await NextReplyAsync();
        }

        people.Press(Ada, "Ada", _fake.MessagesIn(Ada)[^1], "create");
        await NextReplyAsync();
        await _fake.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == L1);
        Assert.StartsWith("Ticket SD-1 is open", _fake.MessagesIn(Ada)[^1].Visible);
    }

    private static Task<HttpResponseMessage> PostAsync(ServiceDeskTelegramHost host, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, TelegramAdapterHost.Secret);
        return host.App.GetTestClient().SendAsync(request);
    }
}
