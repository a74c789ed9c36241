using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Bot.Telemetry;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;
using ServiceDesk.Core.Telemetry;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class TelegramPollingServiceTests : IAsyncLifetime
{
    private FakeTelegramServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Polling_when_updates_arrive_hands_them_over_in_order_and_answers_the_callback()
    {
        _fake.PushUpdate(TelegramSamples.PrivateStart);
        _fake.PushUpdate(TelegramSamples.CallbackQuery);
        await using var host = await TelegramAdapterHost.StartAsync(_fake);

        await host.Handler.WaitForCountAsync(2);

        Assert.Equal(["update:815334001", "update:815334003"], host.Handler.Received.Select(m => m.MessageId));
        Assert.Equal("help", host.Handler.Received[0].Text); // Telegram's Start button: "what can you do"
        Assert.Equal("deploy:yes:77", host.Handler.Received[1].Action);
        var answer = await _fake.WaitForAsync(c => c.Method == "answerCallbackQuery");
        Assert.Equal("4382bfdwdsb323b2d9", answer.Parameters["callback_query_id"]!.ToString());
        var first = _fake.Calls.First(c => c.Method is "deleteWebhook" or "getUpdates");
        Assert.Equal("deleteWebhook", first.Method);
    }

    [Fact]
    public async Task Polling_when_restarted_loses_and_repeats_nothing()
    {
        var store = new InMemoryTelegramStateStore();
        for (var i = 0; i < 3; i++)
            _fake.PushUpdate(TelegramSamples.Text(100 + i, 1000 + i, $"before {i}"));
        var first = await TelegramAdapterHost.StartAsync(_fake, store: store);
        await first.Handler.WaitForCountAsync(3);
        await first.DisposeAsync();

        // Arrives while the service is down; the first three were never confirmed by a later getUpdates.
        _fake.PushUpdate(TelegramSamples.Text(103, 1003, "while down"));
        _fake.PushUpdate(TelegramSamples.Text(104, 1004, "while down"));
        await using var second = await TelegramAdapterHost.StartAsync(_fake, store: store);
        await second.Handler.WaitForCountAsync(2);
        await _fake.WaitForAsync(c => c.Method == "getUpdates" && c.Parameters["offset"]?.ToString() == "105");

        var all = first.Handler.Received.Concat(second.Handler.Received).Select(m => m.MessageId).ToList();
        Assert.Equal(Enumerable.Range(100, 5).Select(i => $"update:{i}"), all);
        Assert.Equal(105, await store.GetNextOffsetAsync(default));
    }

    [Fact]
    public async Task Polling_when_a_batch_has_messages_from_many_private_chats_reads_their_unreachable_marks_at_once()
    {
        var store = new CountingStateStore();
        await store.SetUnreachableAsync(1002, true, default);
        for (var i = 0; i < 5; i++)
            _fake.PushUpdate(TelegramSamples.Text(300 + i, 1000 + i, $"hello {i}"));
        await using var host = await TelegramAdapterHost.StartAsync(_fake, store: store);

        await host.Handler.WaitForCountAsync(5);

        var markReads = store.Reads.Where(k => k.Contains("unreachable:", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1000, 5).Select(c => $"unreachable:{c}").Order(), Assert.Single(markReads).Split('|').Order());
        Assert.False(await store.IsUnreachableAsync(1002, default)); // writing again clears the mark
    }

    [Fact]
    public async Task Polling_when_a_chat_blocks_the_bot_and_writes_again_within_one_batch_ends_reachable()
    {
        var store = new CountingStateStore();
        _fake.PushUpdate(MyChatMember(310, 1010, "kicked"));
        _fake.PushUpdate(MyChatMember(311, 1011, "kicked"));
        _fake.PushUpdate(TelegramSamples.Text(312, 1010, "back again"));
        await using var host = await TelegramAdapterHost.StartAsync(_fake, store: store);

        await host.Handler.WaitForCountAsync(1);
        await _fake.WaitForAsync(c => c.Method == "getUpdates" && c.Parameters["offset"]?.ToString() == "313");

        Assert.False(await store.IsUnreachableAsync(1010, default));
        Assert.True(await store.IsUnreachableAsync(1011, default));
    }

    private static string MyChatMember(long updateId, long userId, string status) => """
        {"update_id":UPDATE,"my_chat_member":{"chat":{"id":USER,"type":"private"},"from":{"id":USER,"is_bot":false,"first_name":"U"},
         "date":1,"old_chat_member":{"status":"member","user":{"id":5550001111,"is_bot":true,"first_name":"Helper"}},
         "new_chat_member":{"status":"STATUS","user":{"id":5550001111,"is_bot":true,"first_name":"Helper"}}}}
        """.Replace("UPDATE", updateId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("USER", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("STATUS", status);

    [Fact]
    public async Task Polling_when_the_bot_is_added_to_a_group_logs_its_id_as_a_team_channel_setting()
    {
        _fake.PushUpdate("""
            {"update_id":300,"my_chat_member":{"chat":{"id":-1009876543210,"type":"group","title":"Support L2"},
             "from":{"id":42,"is_bot":false,"first_name":"Admin"},"date":1,
             "old_chat_member":{"status":"left","user":{"id":5550001111,"is_bot":true,"first_name":"Helper"}},
             "new_chat_member":{"status":"member","user":{"id":5550001111,"is_bot":true,"first_name":"Helper"}}}}
            """);
        var logged = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var host = await TelegramAdapterHost.StartAsync(_fake, store: new InMemoryTelegramStateStore(), logs: new CollectingLoggerProvider(logged));

        await _fake.WaitForAsync(c => c.Method == "getUpdates" && c.Parameters["offset"]?.ToString() == "301");

        Assert.Contains(logged, line => line.Contains("added to the Telegram group «Support L2»", StringComparison.Ordinal)
            && line.Contains("TeamChannel (or ServiceDesk:ManagersChannel) to telegram:-1009876543210", StringComparison.Ordinal));
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Polling_when_the_bot_api_refuses_counts_receive_failures_by_error_code()
    {
        using var container = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = container.GetRequiredService<IMeterFactory>(); // this host's meters only: other tests run alongside
        using var collector = new MetricsCollector(meters);
        _fake.Fail("getUpdates", 502, "Bad Gateway", times: 2);
        _fake.PushUpdate(TelegramSamples.Text(400, 7, "after the outage"));

        await using var host = await TelegramAdapterHost.StartAsync(_fake, store: new InMemoryTelegramStateStore(),
            configure: s => s.AddSingleton(new ServiceDeskMetrics(meters)));
        await host.Handler.WaitForCountAsync(1);

        var text = new System.Text.StringBuilder();
        collector.WriteTo(text);
        Assert.Contains("servicedesk_channel_receive_failures_total{channel=\"telegram\",reason=\"502\"} 2\n", text.ToString());
    }

    [Fact]
    public async Task Polling_when_an_update_is_malformed_skips_it_and_goes_on()
    {
        _fake.PushUpdate("""{"update_id":200,"message":"not a message"}""");
        _fake.PushUpdate(TelegramSamples.UnknownType.Replace("815334008", "201"));
        _fake.PushUpdate(TelegramSamples.EditedMessage.Replace("815334007", "202"));
        _fake.PushUpdate(TelegramSamples.Text(203, 7, "fine"));
        var store = new InMemoryTelegramStateStore();
        await using var host = await TelegramAdapterHost.StartAsync(_fake, store: store);

        await host.Handler.WaitForCountAsync(1);
        await _fake.WaitForAsync(c => c.Method == "getUpdates" && c.Parameters["offset"]?.ToString() == "204");

        Assert.Equal("update:203", Assert.Single(host.Handler.Received).MessageId);
    }

    [Fact]
    public async Task Polling_when_the_engine_fails_for_a_while_holds_the_update_back_and_loses_nothing()
    {
        var store = new InMemoryTelegramStateStore();
        _fake.PushUpdate(TelegramSamples.Text(300, 7, "first"));
        _fake.PushUpdate(TelegramSamples.Text(301, 8, "other chat"));
        _fake.PushUpdate(TelegramSamples.Text(302, 7, "second"));
        var failures = 5; // more than the quick attempts: the update must wait for a later round
        await using var host = await TelegramAdapterHost.StartAsync(_fake, store: store);
        host.Handler.OnMessage = m => m.Text == "first" && Interlocked.Decrement(ref failures) >= 0 ? throw new InvalidOperationException("database is down") : Task.CompletedTask;

        await _fake.WaitForAsync(c => c.Method == "getUpdates" && c.Parameters["offset"]?.ToString() == "303");

        var texts = host.Handler.Received.Select(m => m.Text).ToList();
        Assert.Equal(6, texts.Count(t => t == "first"));
        Assert.Equal(1, texts.Count(t => t == "other chat"));
        Assert.Equal(1, texts.Count(t => t == "second"));
        Assert.True(texts.LastIndexOf("first") < texts.IndexOf("second"), "a chat's updates stay in order");
        Assert.Equal(303, await store.GetNextOffsetAsync(default));
    }

    [Fact]
    public async Task Polling_when_an_update_fails_round_after_round_skips_it_and_goes_on()
    {
        _fake.PushUpdate(TelegramSamples.Text(310, 7, "poison"));
        _fake.PushUpdate(TelegramSamples.Text(311, 7, "fine"));
        await using var host = await TelegramAdapterHost.StartAsync(_fake);
        host.Handler.OnMessage = m => m.Text == "poison" ? throw new InvalidOperationException("bug") : Task.CompletedTask;

        await host.Handler.WaitForCountAsync(10);

        var policy = TelegramAdapterHost.FastRetry;
        Assert.Equal(Enumerable.Repeat("poison", policy.QuickAttempts * policy.RoundsBeforeSkip).Append("fine"), host.Handler.Received.Select(m => m.Text));
    }

    [Fact]
    public async Task Polling_when_the_state_store_is_down_keeps_polling_and_loses_nothing()
    {
        var store = new FlakyStateStore { Failures = 3 };
        _fake.PushUpdate(TelegramSamples.Text(320, 7, "hello"));
        await using var host = await TelegramAdapterHost.StartAsync(_fake, store: store);

        await host.Handler.WaitForCountAsync(1);
        await _fake.WaitForAsync(c => c.Method == "getUpdates" && c.Parameters["offset"]?.ToString() == "321");

        Assert.Equal("hello", Assert.Single(host.Handler.Received).Text);
        Assert.True(store.Failures < 0);
    }

    [Fact]
    public async Task Polling_when_group_migrates_remembers_it_and_keeps_the_configured_group_id_for_the_engine()
    {
        var store = new InMemoryTelegramStateStore();
        _fake.PushUpdate(TelegramSamples.GroupMigrated);
        _fake.PushUpdate(TelegramSamples.SupergroupCommandWithSuffix.Replace("815334002", "815334009"));
        await using var host = await TelegramAdapterHost.StartAsync(_fake, store: store);

        await host.Handler.WaitForCountAsync(1);

        Assert.Equal(-1001234567890, await store.GetMigratedChatIdAsync(-4001234567, default));
        var m = Assert.Single(host.Handler.Received);
        Assert.Equal("-4001234567", m.ConversationId);
        Assert.Equal("/status build 77", m.Text);
    }

    [Fact]
    public async Task Polling_when_button_token_is_unknown_answers_that_it_expired_and_hands_nothing_over()
    {
        _fake.PushUpdate(TelegramSamples.CallbackQuery.Replace("\"data\":\"deploy:yes:77\"", $"\"data\":\"{CallbackToken.For("gone")}\""));
        _fake.PushUpdate(TelegramSamples.Text(815334010, 7, "next"));
        await using var host = await TelegramAdapterHost.StartAsync(_fake);

        await host.Handler.WaitForCountAsync(1);
        var answer = await _fake.WaitForAsync(c => c.Method == "answerCallbackQuery");

        Assert.Equal("next", Assert.Single(host.Handler.Received).Text);
        Assert.Contains("expired", answer.Parameters["text"]!.ToString());
    }

    [Fact]
    public async Task Startup_registers_the_command_menu_by_default_and_in_en_ru_pl()
    {
        await using var host = await TelegramAdapterHost.StartAsync(_fake);

        await _fake.WaitForAsync(c => c.Method == "setMyCommands" && c.Parameters["language_code"]?.ToString() == "pl");

        var calls = _fake.CallsOf("setMyCommands");
        Assert.Equal([null, "en", "ru", "pl"], calls.Select(c => c.Parameters["language_code"]?.ToString()));
        Assert.Contains("Статус", calls[2].Parameters["commands"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
