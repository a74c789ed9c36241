using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tests.Sla;

namespace ServiceDesk.Core.Tests.Notifications;

public class OutboxDispatcherTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeClock _clock = new(Start);
    private readonly List<string> _files = [];

    private readonly OutboxOptions _options = new() { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromMinutes(1), MaxAttempts = 6, LeaseDuration = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Dispatch_when_api_fails_then_recovers_delivers_every_message_once_in_order()
    {
        using var store = new SqliteTestStore();
        await WriteAsync(store, ("a", "a1"), ("b", "b1"), ("a", "a2"), ("a", "a3"), ("b", "b2"), ("c", "c1"));
        var sender = new ScriptedChannelSender()
            .Then(2, ScriptedChannelSender.ServerError)
            .Then(1, () => ScriptedChannelSender.TooManyRequests(TimeSpan.FromSeconds(30)))
            .Then(1, ScriptedChannelSender.ServerError);
        var dispatcher = Dispatcher(store, sender);

        await RunUntilQuietAsync(dispatcher, TimeSpan.FromMinutes(10));

        Assert.Equal(["a1", "a2", "a3"], sender.Delivered.Where(m => m.To.ConversationId == "a").Select(m => m.Text));
        Assert.Equal(["b1", "b2"], sender.Delivered.Where(m => m.To.ConversationId == "b").Select(m => m.Text));
        Assert.Equal(["c1"], sender.Delivered.Where(m => m.To.ConversationId == "c").Select(m => m.Text));
        Assert.Equal(6, sender.Delivered.Count);
        Assert.Equal(new OutboxCounts(0, 6, 0), await new OutboxAdministration(store, _clock).CountsAsync(default));
    }

    [Fact]
    public async Task Dispatch_when_429_holds_the_channel_until_retry_after()
    {
        using var store = new SqliteTestStore();
        await WriteAsync(store, ("a", "a1"), ("b", "b1"));
        var sender = new ScriptedChannelSender().Then(1, () => ScriptedChannelSender.TooManyRequests(TimeSpan.FromSeconds(30)));
        var dispatcher = Dispatcher(store, sender);

        await dispatcher.DispatchOnceAsync(default);
        Assert.Equal(1, sender.Calls); // b1 not tried: the channel is held

        _clock.Advance(TimeSpan.FromSeconds(29));
        await dispatcher.DispatchOnceAsync(default);
        Assert.Equal(1, sender.Calls);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchOnceAsync(default);
        Assert.Equal(["a1", "b1"], sender.Delivered.Select(m => m.Text));
    }

    [Fact]
    public async Task Dispatch_when_429_is_one_conversations_limit_holds_only_that_conversation()
    {
        using var store = new SqliteTestStore();
        await WriteAsync(store, ("a", "a1"), ("a", "a2"), ("b", "b1"));
        var sender = new ScriptedChannelSender().Then(1, () => ScriptedChannelSender.ChatFloodLimit(TimeSpan.FromSeconds(30)));
        var dispatcher = Dispatcher(store, sender);

        await dispatcher.DispatchOnceAsync(default);
        Assert.Equal(["b1"], sender.Delivered.Select(m => m.Text)); // b is not a's group: it goes at once
        Assert.False(dispatcher.Throttle.IsHeld("web", _clock.GetUtcNow()));

        _clock.Advance(TimeSpan.FromSeconds(29));
        await dispatcher.DispatchOnceAsync(default);
        Assert.Equal(2, sender.Calls); // a1 waits its retry-after, a2 behind it

        _clock.Advance(TimeSpan.FromSeconds(1));
        await RunUntilQuietAsync(dispatcher, TimeSpan.FromSeconds(10));
        Assert.Equal(["b1", "a1", "a2"], sender.Delivered.Select(m => m.Text));
    }

    [Fact]
    public async Task Dispatch_when_two_conversations_are_flood_limited_at_once_holds_the_channel()
    {
        using var store = new SqliteTestStore();
        await WriteAsync(store, ("a", "a1"), ("b", "b1"), ("c", "c1"));
        var sender = new ScriptedChannelSender().Then(2, () => ScriptedChannelSender.ChatFloodLimit(TimeSpan.FromSeconds(30)));
        var dispatcher = Dispatcher(store, sender);

        await dispatcher.DispatchOnceAsync(default);

        Assert.Equal(2, sender.Calls); // c1 not tried: two limited chats at once mean the bot's own limit
        Assert.True(dispatcher.Throttle.IsHeld("web", _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(30));
        await RunUntilQuietAsync(dispatcher, TimeSpan.FromSeconds(10));
        Assert.Equal(["a1", "b1", "c1"], sender.Delivered.Select(m => m.Text).Order());
    }

    [Fact]
    public async Task Dispatch_when_api_is_down_holds_the_whole_channel_after_repeated_failures()
    {
        using var store = new SqliteTestStore();
        await WriteAsync(store, ("a", "a1"), ("b", "b1"), ("c", "c1"), ("d", "d1"));
        var sender = new ScriptedChannelSender { Rule = _ => ScriptedChannelSender.ServerError() };
        var dispatcher = Dispatcher(store, sender);

        await dispatcher.DispatchOnceAsync(default);

        Assert.Equal(OutboxChannelThrottle.OutageThreshold, sender.Calls); // d1 not tried: the channel is held
        Assert.True(dispatcher.Throttle.IsHeld("web", _clock.GetUtcNow()));
        Assert.False(dispatcher.Throttle.IsHeld("telegram", _clock.GetUtcNow()));
    }

    [Fact]
    public async Task Dispatch_when_one_conversation_fails_blocks_only_its_later_messages()
    {
        using var store = new SqliteTestStore();
        await WriteAsync(store, ("a", "a1"), ("a", "a2"), ("b", "b1"), ("b", "b2"));
        var failA = true;
        var sender = new ScriptedChannelSender { Rule = m => failA && m.To.ConversationId == "a" ? new ChannelDeliveryException("chat a: HTTP 503", permanent: false) : null };
        var dispatcher = Dispatcher(store, sender);
        dispatcher.Throttle.Succeeded("web");

        for (var i = 0; i < 3; i++)
        {
            await dispatcher.DispatchOnceAsync(default);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(["b1", "b2"], sender.Delivered.Select(m => m.Text));

        failA = false;
        await RunUntilQuietAsync(dispatcher, TimeSpan.FromMinutes(5));
        Assert.Equal(["b1", "b2", "a1", "a2"], sender.Delivered.Select(m => m.Text));
    }

    [Fact]
    public async Task Dispatch_when_failure_is_permanent_parks_with_error_and_goes_on()
    {
        using var store = new SqliteTestStore();
        await WriteAsync(store, ("a", "a1"), ("a", "a2"));
        var sender = new ScriptedChannelSender().Then(1, () => new ChannelDeliveryException("HTTP 403: bot was blocked by the user", permanent: true));
        var dispatcher = Dispatcher(store, sender);

        await RunUntilQuietAsync(dispatcher, TimeSpan.FromMinutes(1));

        Assert.Equal(["a2"], sender.Delivered.Select(m => m.Text));
        var admin = new OutboxAdministration(store, _clock);
        var parked = Assert.Single(await admin.ParkedAsync(10, default));
        Assert.Equal(("a", 1, "HTTP 403: bot was blocked by the user"), (parked.ConversationId, parked.Attempts, parked.LastError));
        Assert.Contains("a1", parked.Payload);

        Assert.True(await admin.RetryAsync(parked.Id, default));
        await dispatcher.DispatchOnceAsync(default);
        Assert.Equal(["a2", "a1"], sender.Delivered.Select(m => m.Text));
        Assert.False(await admin.RetryAsync(parked.Id, default));
    }

    [Fact]
    public async Task Dispatch_when_failures_never_stop_parks_after_max_attempts()
    {
        using var store = new SqliteTestStore();
        await WriteAsync(store, ("a", "a1"));
        var sender = new ScriptedChannelSender { Rule = _ => ScriptedChannelSender.ServerError() };
        var dispatcher = Dispatcher(store, sender);

        await RunUntilQuietAsync(dispatcher, TimeSpan.FromHours(1));

        Assert.Equal(_options.MaxAttempts, sender.Calls);
        var parked = Assert.Single(await new OutboxAdministration(store, _clock).ParkedAsync(10, default));
        Assert.Equal("HTTP 500 Internal Server Error", parked.LastError);
    }

    [Fact]
    public async Task Dispatch_when_channel_has_no_sender_parks_the_message()
    {
        using var store = new SqliteTestStore();
        await WriteAsync(store, ("a", "a1"));
        await Dispatcher(store, new ScriptedChannelSender("telegram")).DispatchOnceAsync(default);
        var parked = Assert.Single(await new OutboxAdministration(store, _clock).ParkedAsync(10, default));
        Assert.Contains("No sender for channel 'web'", parked.LastError);
    }

    [Fact]
    public async Task Restart_when_killed_between_commit_and_send_sends_once()
    {
        var file = TempFile();
        using (var before = new SqliteTestStore(file))
            await WriteAsync(before, ("a", "committed, never sent"));
        // the process dies here; a new one starts over the same database
        using var after = new SqliteTestStore(file);
        var sender = new ScriptedChannelSender();
        var dispatcher = Dispatcher(after, sender);
        await dispatcher.DispatchOnceAsync(default);
        await dispatcher.DispatchOnceAsync(default);
        await Dispatcher(after, sender).DispatchOnceAsync(default);

        Assert.Equal(["committed, never sent"], sender.Delivered.Select(m => m.Text));
    }

    [Fact]
    public async Task Restart_when_killed_while_holding_a_lease_sends_once_after_the_lease_runs_out()
    {
        var file = TempFile();
        using var store = new SqliteTestStore(file);
        await WriteAsync(store, ("a", "leased by a dead process"));
        await using (var db = store.CreateDbContext())
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "dead").SetProperty(m => m.LockedUntil, Start + TimeSpan.FromSeconds(30)));

        var sender = new ScriptedChannelSender();
        var dispatcher = Dispatcher(new SqliteTestStore(file), sender);
        await dispatcher.DispatchOnceAsync(default);
        Assert.Empty(sender.Delivered);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await dispatcher.DispatchOnceAsync(default);
        await dispatcher.DispatchOnceAsync(default);
        Assert.Single(sender.Delivered);
    }

    [Fact]
    public async Task Two_dispatchers_over_one_store_never_send_a_message_twice()
    {
        var file = TempFile();
        using var store = new SqliteTestStore(file);
        var messages = Enumerable.Range(1, 40).Select(i => ($"c{i % 7}", $"m{i}")).ToArray();
        await WriteAsync(store, messages);
        var sender = new ScriptedChannelSender();
        var one = Dispatcher(new SqliteTestStore(file), sender);
        var two = Dispatcher(new SqliteTestStore(file), sender);

        for (var i = 0; i < 20; i++)
            await Task.WhenAll(Task.Run(() => one.DispatchOnceAsync(default)), Task.Run(() => two.DispatchOnceAsync(default)));

        Assert.Equal(40, sender.Delivered.Count);
        Assert.Equal(40, sender.Delivered.Select(m => m.Text).Distinct().Count());
        foreach (var group in sender.Delivered.GroupBy(m => m.To.ConversationId))
            Assert.Equal(group.Select(m => int.Parse(m.Text[1..])).Order(), group.Select(m => int.Parse(m.Text[1..])));
    }

    [Fact]
    public void DelayAfter_doubles_up_to_the_cap_and_honours_retry_after()
    {
        Assert.Equal(
            [2, 4, 8, 16, 32, 60, 60],
            Enumerable.Range(1, 7).Select(n => (int)_options.DelayAfter(n, null).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(45), _options.DelayAfter(3, TimeSpan.FromSeconds(45)));
    }

    public void Dispose()
    {
        foreach (var f in _files)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(f + suffix);
        }
    }

    private OutboxDispatcher Dispatcher(SqliteTestStore store, IChannelSender sender) =>
        new(store, [sender], _clock, Options.Create(_options));

    private async Task WriteAsync(SqliteTestStore store, params (string Conversation, string Text)[] messages)
    {
        await using var db = store.CreateDbContext();
        var outbox = new OutboxWriter(db, _clock.GetUtcNow());
        foreach (var (conversation, text) in messages)
            outbox.Write(new OutboundMessage { To = new ConversationAddress("web", conversation), Text = text });
        await db.SaveChangesAsync();
    }

    /// <summary>Dispatches, moving the clock to each next retry, until nothing is pending or the time is up.</summary>
    private async Task RunUntilQuietAsync(OutboxDispatcher dispatcher, TimeSpan limit)
    {
        var end = _clock.GetUtcNow() + limit;
        while (_clock.GetUtcNow() < end)
        {
            await dispatcher.DispatchOnceAsync(default);
            if (await dispatcher.NextDueAsync(default) is not { } next)
                return;
            _clock.SetTo(next > _clock.GetUtcNow() ? next : _clock.GetUtcNow() + TimeSpan.FromMilliseconds(1));
        }
    }

    private string TempFile()
    {
        var f = Path.Combine(Path.GetTempPath(), $"outbox-test-{Guid.NewGuid():N}.db");
        _files.Add(f);
        return f;
    }
}
