using System.Diagnostics;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>Several replicas of the service on one store: one polls getUpdates, the others stand by and take over.</summary>
public sealed class TelegramPollingReplicaTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> ShortClaim = new() { ["Channels:Telegram:PollingLeaseSeconds"] = "2" };

    private FakeTelegramServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Polling_when_two_replicas_share_the_store_only_one_polls_and_each_update_is_handled_once()
    {
        var store = new InMemoryTelegramStateStore();
        await using var a = await TelegramAdapterHost.StartAsync(_fake, store: store, settings: ShortClaim);
        await using var b = await TelegramAdapterHost.StartAsync(_fake, store: store, settings: ShortClaim);
        await _fake.WaitForAsync(c => c.Method == "getUpdates");

        for (var i = 0; i < 10; i++)
            _fake.PushUpdate(TelegramSamples.Text(400 + i, 7 + i, $"hello {i}"));
        await _fake.WaitForAsync(c => c.Method == "getUpdates" && c.Parameters["offset"]?.ToString() == "410");
        // two more long polls: a second poller would have cut the first one's off by now
        for (var poll = 0; poll < 2; poll++)
        {
            var last = _fake.Calls.Last(c => c.Method == "getUpdates").Sequence;
            await _fake.WaitForAsync(c => c.Method == "getUpdates" && c.Sequence > last);
        }

        Assert.DoesNotContain(_fake.Calls, c => c.Method == "getUpdates" && c.Status == 409);
        var handled = a.Handler.Received.Concat(b.Handler.Received).Select(m => m.MessageId).Order().ToList();
        Assert.Equal(Enumerable.Range(400, 10).Select(i => $"update:{i}"), handled);
        Assert.True(a.Handler.Received.Count == 0 || b.Handler.Received.Count == 0, "one replica polls, the other stands by");
    }

    [Fact]
    public async Task Polling_when_the_polling_replica_stops_another_takes_over_from_the_confirmed_offset()
    {
        var store = new InMemoryTelegramStateStore();
        var a = await TelegramAdapterHost.StartAsync(_fake, store: store, settings: ShortClaim);
        var b = await TelegramAdapterHost.StartAsync(_fake, store: store, settings: ShortClaim);
        _fake.PushUpdate(TelegramSamples.Text(500, 7, "before"));
        await _fake.WaitForAsync(c => c.Method == "getUpdates" && c.Parameters["offset"]?.ToString() == "501");
        var (poller, standby) = a.Handler.Received.Count == 1 ? (a, b) : (b, a);
        await poller.DisposeAsync();
        await using var _ = standby;

        _fake.PushUpdate(TelegramSamples.Text(501, 7, "after 1"));
        _fake.PushUpdate(TelegramSamples.Text(502, 8, "after 2"));
        await standby.Handler.WaitForCountAsync(2);
        await _fake.WaitForAsync(c => c.Method == "getUpdates" && c.Parameters["offset"]?.ToString() == "503");

        Assert.Equal(["update:501", "update:502"], standby.Handler.Received.Select(m => m.MessageId));
        Assert.Equal(["update:500"], poller.Handler.Received.Select(m => m.MessageId));
        Assert.Equal(503, await store.GetNextOffsetAsync(default));
    }

    [Fact]
    public async Task Polling_when_a_replica_died_holding_the_claim_waits_for_it_to_lapse_then_polls()
    {
        var store = new InMemoryTelegramStateStore();
        var claimed = Stopwatch.GetTimestamp();
        Assert.True(await store.TryHoldPollingAsync("replica that crashed", TimeSpan.FromSeconds(2), default));
        _fake.PushUpdate(TelegramSamples.Text(600, 7, "hello"));

        await using var host = await TelegramAdapterHost.StartAsync(_fake, store: store, settings: ShortClaim);
        await host.Handler.WaitForCountAsync(1);

        var firstPoll = _fake.Calls.First(c => c.Method == "getUpdates");
        Assert.True(Stopwatch.GetElapsedTime(claimed, firstPoll.TimestampTicks) >= TimeSpan.FromSeconds(1.9),
            "no getUpdates while the crashed replica's claim runs");
        Assert.Equal("update:600", Assert.Single(host.Handler.Received).MessageId);
    }
}
