using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.DirectLine;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Storage.Housekeeping;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

/// <summary>The same behaviour from the in-memory store and the database store (SQLite on disk).</summary>
public sealed class DirectLineStoreContractTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sd-dl-" + Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new();
    private IDbContextFactory<ServiceDeskDbContext> _dbFactory = null!;

    public static TheoryData<string> Stores => new() { "memory", "database" };

    public async Task InitializeAsync()
    {
        var options = Options.Create(new ServiceDeskOptions { DataDirectory = _dataDirectory });
        var builder = new DbContextOptionsBuilder<ServiceDeskDbContext>();
        StoreRegistration.Configure(builder, options.Value);
        _dbFactory = new PooledDbContextFactory<ServiceDeskDbContext>(builder.Options);
        await new DatabaseInitializer(_dbFactory, options, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private const string UserActivity = "{\"type\":\"message\",\"from\":{\"id\":\"alice\",\"role\":\"user\"}}";

    private IDirectLineStore Create(string kind) =>
        kind == "memory" ? new InMemoryDirectLineStore() : new EfDirectLineStore(_dbFactory, _clock);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Append_when_activities_added_numbers_them_from_one_per_room(string kind)
    {
        var store = Create(kind);

        var a1 = await store.AppendAsync("alice", true, (s, _) => $$"""{"n":{{s}}}""", default);
        var b1 = await store.AppendAsync("bob", true, (s, _) => $$"""{"n":{{s}}}""", default);
        var a2 = await store.AppendAsync("alice", false, (s, _) => $$"""{"n":{{s}}}""", default);

        Assert.Equal([1L, 1L, 2L], new[] { a1.Sequence, b1.Sequence, a2.Sequence });
        Assert.Equal(["""{"n":1}""", """{"n":2}"""], (await store.ReadAsync("alice", 0, 10, default)).Select(x => x.Json));
        Assert.Equal("""{"n":2}""", Assert.Single(await store.ReadAsync("alice", 1, 10, default)).Json);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Position_when_the_last_user_activity_is_behind_many_bot_activities_still_finds_it(string kind)
    {
        var store = Create(kind);
        await store.AppendAsync("alice", true, (_, _) => UserActivity, default);
        for (var i = 0; i < 12; i++) await store.AppendAsync("alice", false, (_, _) => "{}", default);

        Assert.Equal(new RoomPosition(13, "alice|0000001"), await store.GetPositionAsync("alice", default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Append_when_bot_replies_is_told_the_latest_user_activity(string kind)
    {
        var store = Create(kind);
        await store.AppendAsync("alice", true, (_, _) => UserActivity, default);
        string? seen = "unset";

        await store.AppendAsync("alice", false, (_, lastUser) => { seen = lastUser; return "{}"; }, default);

        Assert.Equal("alice|0000001", seen);
        Assert.Equal(new RoomPosition(2, "alice|0000001"), await store.GetPositionAsync("alice", default));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Append_when_many_run_at_once_loses_none_and_repeats_none(string kind)
    {
        var store = Create(kind);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => store.AppendAsync("l1-team", i % 2 == 0, (s, _) => $$"""{"i":{{i}}}""", default)));

        var all = await store.ReadAsync("l1-team", 0, 100, default);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), all.Select(a => a.Sequence));
        Assert.Equal(40, all.Select(a => a.Json).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Conversation_when_added_twice_keeps_the_first_and_binds_once(string kind)
    {
        var store = Create(kind);
        var created = new DirectLineConversation("c1", null, null, 0, "pl-PL", _clock.GetUtcNow());
        await store.AppendAsync("alice", true, (_, _) => "{}", default);

        Assert.True(await store.TryAddConversationAsync(created, default));
        Assert.False(await store.TryAddConversationAsync(created with { Locale = "en" }, default));
        var bound = await store.BindToRoomAsync("c1", "alice", "alice", default);
        var again = await store.BindToRoomAsync("c1", "mallory", "mallory", default);

        Assert.Equal(created with { UserId = "alice", Room = "alice", BaseSequence = 1 }, bound);
        Assert.Equal(bound, again);
        Assert.Equal(bound, await store.FindConversationAsync("c1", default));
        Assert.Null(await store.FindConversationAsync("c2", default));
    }

    [Fact]
    public async Task Database_store_when_rebuilt_over_same_database_keeps_conversations_and_continues_numbering()
    {
        var first = Create("database");
        await first.TryAddConversationAsync(new DirectLineConversation("c1", "alice", "alice", 0, null, _clock.GetUtcNow()), default);
        await first.AppendAsync("alice", true, (_, _) => "{\"from\":{\"role\":\"user\"}}", default);

        var second = Create("database");
        var next = await second.AppendAsync("alice", false, (s, lastUser) => $$"""{"replyTo":"{{lastUser}}"}""", default);

        Assert.Equal(2, next.Sequence);
        Assert.Equal("""{"replyTo":"alice|0000001"}""", next.Json);
        Assert.Equal("alice", (await second.FindConversationAsync("c1", default))!.Room);
    }

    [Fact]
    public async Task Database_store_when_a_cached_conversation_was_pruned_forgets_it_within_minutes()
    {
        var store = Create("database");
        Assert.True(await store.TryAddConversationAsync(new DirectLineConversation("c1", "alice", "alice", 0, "en-US", _clock.GetUtcNow()), default));
        Assert.NotNull(await store.FindConversationAsync("c1", default)); // cached from here on
        await using (var db = await _dbFactory.CreateDbContextAsync())
            await db.ChannelState.Where(e => e.Key == EfDirectLineStore.ConversationKeyPrefix + "c1").ExecuteDeleteAsync(); // the pruner's delete

        Assert.NotNull(await store.FindConversationAsync("c1", default));
        _clock.Advance(EfDirectLineStore.CachedConversationLifetime);
        Assert.Null(await store.FindConversationAsync("c1", default));
    }

    [Fact]
    public async Task Database_store_when_old_activities_were_pruned_numbers_on_from_the_newest_kept()
    {
        var first = Create("database");
        for (var i = 0; i < 3; i++)
            await first.AppendAsync("alice", true, (s, _) => $$"""{"n":{{s}}}""", default);
        _clock.Advance(TimeSpan.FromDays(91)); // past the web transcripts' retention
        var housekeeping = new StoreHousekeeping(_dbFactory, Options.Create(new ServiceDeskOptions { DataDirectory = _dataDirectory }), [],
            new ServiceDesk.Core.Privacy.ClosedTicketAnonymiser(_dbFactory, _clock), _clock, NullLogger<StoreHousekeeping>.Instance);
        Assert.Equal(2, (await housekeeping.PruneOnceAsync(default)).WebTranscripts);

        var next = await Create("database").AppendAsync("alice", false, (s, _) => $$"""{"n":{{s}}}""", default);

        Assert.Equal(4, next.Sequence); // a client's watermark 3 still sees it
        Assert.Equal([3L, 4L], (await Create("database").ReadAsync("alice", 0, 10, default)).Select(a => a.Sequence));
    }

    [Fact]
    public async Task Database_store_when_another_replica_appended_catches_up_instead_of_overwriting()
    {
        var replicaA = Create("database");
        var replicaB = Create("database");
        using var watch = replicaA.Watch("l1-team");
        await replicaA.AppendAsync("l1-team", false, (_, _) => "{\"by\":\"a\"}", default);
        await replicaB.AppendAsync("l1-team", false, (_, _) => "{\"by\":\"b\"}", default);

        var third = await replicaA.AppendAsync("l1-team", false, (_, _) => "{\"by\":\"a2\"}", default);

        Assert.Equal(3, third.Sequence);
        Assert.Equal(["a", "b", "a2"], (await replicaB.ReadAsync("l1-team", 0, 10, default)).Select(x => System.Text.Json.Nodes.JsonNode.Parse(x.Json)!["by"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Recent_when_this_process_appended_answers_from_memory_like_a_read(string kind)
    {
        var store = Create(kind);
        using var watch = store.Watch("alice");
        for (var i = 1; i <= 3; i++)
            await store.AppendAsync("alice", i == 1, (s, _) => $$"""{"n":{{s}}}""", default);

        Assert.True(store.TryReadRecent("alice", 1, 10, out var recent));
        Assert.Equal((await store.ReadAsync("alice", 1, 10, default)).Select(a => a.Json), recent.Select(a => a.Json));
        Assert.True(store.TryReadRecent("alice", 3, 10, out var none));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Database_store_when_another_replica_took_the_next_sequence_stops_answering_from_memory()
    {
        var replicaA = Create("database");
        var replicaB = Create("database");
        using var watch = replicaA.Watch("l1-team");
        await replicaA.AppendAsync("l1-team", false, (_, _) => "{\"by\":\"a\"}", default);
        await replicaB.AppendAsync("l1-team", false, (_, _) => "{\"by\":\"b\"}", default);
        Assert.True(replicaA.TryReadRecent("l1-team", 0, 10, out var stale)); // A does not know of B's append yet
        Assert.Single(stale);

        await replicaA.AppendAsync("l1-team", false, (_, _) => "{\"by\":\"a2\"}", default); // clashes with B's, re-reads, retries

        Assert.False(replicaA.TryReadRecent("l1-team", 0, 10, out _)); // its memory no longer starts at the beginning
        Assert.True(replicaA.TryReadRecent("l1-team", 2, 10, out var after));
        Assert.Equal(3, Assert.Single(after).Sequence);
    }

    [Fact]
    public async Task Database_store_when_no_stream_here_watches_the_room_keeps_none_of_its_activities_in_memory()
    {
        var store = Create("database");
        await store.AppendAsync("alice", true, (s, _) => $$"""{"n":{{s}}}""", default);
        Assert.False(store.TryReadRecent("alice", 0, 10, out _)); // nobody streams it: read the store

        var watch = store.Watch("alice");
        await store.AppendAsync("alice", false, (s, _) => $$"""{"n":{{s}}}""", default);
        Assert.True(store.TryReadRecent("alice", 1, 10, out var recent));
        Assert.Equal(2, Assert.Single(recent).Sequence);

        watch.Dispose();
        Assert.False(store.TryReadRecent("alice", 1, 10, out _)); // the last stream left: its memory is gone
        await store.AppendAsync("alice", false, (s, _) => $$"""{"n":{{s}}}""", default);
        Assert.False(store.TryReadRecent("alice", 2, 10, out _));
        Assert.Equal([3L], (await store.ReadAsync("alice", 2, 10, default)).Select(a => a.Sequence));
    }

    [Fact]
    public async Task Database_store_when_every_stream_delivered_the_activities_keeps_none_of_them()
    {
        var store = Create("database");
        using var watch = store.Watch("alice");
        watch.Delivered(0);
        await store.AppendAsync("alice", true, (s, _) => $$"""{"n":{{s}}}""", default);
        await store.AppendAsync("alice", false, (s, _) => $$"""{"n":{{s}}}""", default);
        Assert.True(store.TryReadRecent("alice", 0, 10, out var before));
        Assert.Equal(2, before.Count);

        watch.Delivered(2);

        Assert.False(store.TryReadRecent("alice", 0, 10, out _)); // no longer in memory: a late reader asks the store
        Assert.True(store.TryReadRecent("alice", 2, 10, out var none)); // the stream that sent them needs no read
        Assert.Empty(none);
        await store.AppendAsync("alice", false, (s, _) => $$"""{"n":{{s}}}""", default);
        Assert.True(store.TryReadRecent("alice", 2, 10, out var next));
        Assert.Equal(3, Assert.Single(next).Sequence);
    }

    [Fact]
    public async Task Database_store_when_one_of_two_streams_lags_keeps_what_it_has_not_sent()
    {
        var store = Create("database");
        using var fast = store.Watch("l1-team");
        using var slow = store.Watch("l1-team");
        fast.Delivered(0);
        slow.Delivered(0);
        for (var i = 0; i < 3; i++)
            await store.AppendAsync("l1-team", false, (s, _) => $$"""{"n":{{s}}}""", default);

        fast.Delivered(3);
        slow.Delivered(1);

        Assert.True(store.TryReadRecent("l1-team", 1, 10, out var lagging));
        Assert.Equal([2L, 3L], lagging.Select(a => a.Sequence));
        Assert.False(store.TryReadRecent("l1-team", 0, 10, out _)); // the first one both have sent is gone
        slow.Dispose();
        Assert.False(store.TryReadRecent("l1-team", 1, 10, out _)); // the one left has sent all three
    }

    [Fact]
    public async Task Database_store_when_two_streams_watch_a_room_keeps_its_memory_until_both_left()
    {
        var store = Create("database");
        var first = store.Watch("l1-team");
        using var second = store.Watch("l1-team");
        await store.AppendAsync("l1-team", false, (_, _) => "{}", default);

        first.Dispose();
        first.Dispose(); // twice counts once

        Assert.True(store.TryReadRecent("l1-team", 0, 10, out var recent));
        Assert.Single(recent);
    }

    [Fact]
    public async Task Database_store_when_a_conversation_read_the_room_s_position_appends_without_reading_it_again()
    {
        var reads = new PositionReads();
        var builder = new DbContextOptionsBuilder<ServiceDeskDbContext>();
        StoreRegistration.Configure(builder, new ServiceDeskOptions { DataDirectory = _dataDirectory });
        var store = new EfDirectLineStore(new PooledDbContextFactory<ServiceDeskDbContext>(builder.AddInterceptors(reads).Options), _clock);
        await Create("database").AppendAsync("alice", true, (_, _) => UserActivity, default); // another replica wrote before

        var position = await store.GetPositionAsync("alice", default); // a conversation starts in alice's room
        var next = await store.AppendAsync("alice", false, (s, _) => $$"""{"n":{{s}}}""", default);

        Assert.Equal((1L, 2L), (position.LastSequence, next.Sequence));
        Assert.Equal(1, reads.Count);
    }

    /// <summary>Counts the reads of a room's position (its latest activities, newest first).</summary>
    private sealed class PositionReads : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"channel_transcripts\"", StringComparison.Ordinal) && command.CommandText.Contains("DESC", StringComparison.Ordinal))
                Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
