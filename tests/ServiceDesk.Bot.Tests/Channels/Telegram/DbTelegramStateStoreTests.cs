using Microsoft.EntityFrameworkCore;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class DbTelegramStateStoreTests : IAsyncLifetime
{
    private TestDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await TestDesk.StartAsync();

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private DbTelegramStateStore Store() => new(_desk.Get<IDbContextFactory<ServiceDeskDbContext>>(), _desk.Clock);

    [Fact]
    public async Task Store_when_service_restarts_keeps_offset_cards_topics_migrations_and_tokens()
    {
        var store = Store();
        await store.SetNextOffsetAsync(815334006, default);
        await store.SetNextOffsetAsync(815334007, default);
        await store.SetMessageIdAsync(-100, "card:SD-1", 42, default);
        await store.SetTopicAsync(-100, "SD-1", 1001, default);
        await store.SetMigratedChatIdAsync(-4001234567, -1001234567890, default);
        var token = await store.StoreCallbackValueAsync(new string('ё', 40), default);
        await store.KeepUpdateAsync(100, "{\"update_id\":100}", default);
        await store.KeepUpdateAsync(99, "{\"update_id\":99}", default);
        await store.KeepUpdateAsync(98, "{\"update_id\":98}", default);
        await store.ForgetUpdateAsync(98, default);

        await _desk.RestartAsync();
        var after = Store();

        Assert.Equal(815334007, await after.GetNextOffsetAsync(default));
        Assert.Equal(42, await after.GetMessageIdAsync(-100, "card:SD-1", default));
        Assert.Null(await after.GetMessageIdAsync(-101, "card:SD-1", default));
        Assert.Equal(1001, await after.GetTopicAsync(-100, "SD-1", default));
        Assert.Equal(-1001234567890, await after.GetMigratedChatIdAsync(-4001234567, default));
        Assert.Equal(new string('ё', 40), await after.FindCallbackValueAsync(token, default));
        Assert.Equal(new TelegramChatStatus(-1001234567890, false), await after.GetChatStatusAsync(-4001234567, default));
        Assert.Equal(-4001234567, await after.GetMigratedFromChatIdAsync(-1001234567890, default));
        Assert.Equal(["{\"update_id\":99}", "{\"update_id\":100}"], await after.KeptUpdatesAsync(default));
    }

    [Fact]
    public async Task Store_when_chat_becomes_unreachable_marks_the_person_whose_private_chat_it_is_and_clears_it_again()
    {
        var factory = _desk.Get<IDbContextFactory<ServiceDeskDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Profiles.Add(new PersonProfile { PersonId = "ada", PrivateChannel = "telegram", PrivateConversationId = "111" });
            db.Profiles.Add(new PersonProfile { PersonId = "bob", PrivateChannel = "telegram", PrivateConversationId = "222" });
            await db.SaveChangesAsync();
        }

        var store = Store();
        await store.SetUnreachableAsync(111, true, default);

        Assert.True(await store.IsUnreachableAsync(111, default));
        Assert.Equal(new TelegramChatStatus(null, true), await store.GetChatStatusAsync(111, default));
        Assert.False(await store.IsUnreachableAsync(222, default));
        Assert.Equal(["ada"], await Unreachable(factory));

        await store.SetUnreachableAsync(111, false, default);
        Assert.False(await store.IsUnreachableAsync(111, default));
        Assert.Empty(await Unreachable(factory));
    }

    [Fact]
    public async Task Store_when_chat_status_was_read_as_fine_trusts_it_for_a_while_but_sees_its_own_changes_at_once()
    {
        var store = Store();
        var replica = Store();
        var fine = new TelegramChatStatus(null, false);
        Assert.Equal(fine, await store.GetChatStatusAsync(111, default));
        Assert.Equal(fine, await store.GetChatStatusAsync(333, default));
        Assert.Equal(fine, await store.GetChatStatusAsync(-4001234567, default));

        await replica.SetUnreachableAsync(111, true, default);
        await store.SetUnreachableAsync(333, true, default);
        await store.SetMigratedChatIdAsync(-4001234567, -1001234567890, default);

        Assert.Equal(fine, await store.GetChatStatusAsync(111, default)); // another replica's change: a send finds out from Telegram
        Assert.Equal(new TelegramChatStatus(null, true), await store.GetChatStatusAsync(333, default));
        Assert.Equal(new TelegramChatStatus(-1001234567890, false), await store.GetChatStatusAsync(-4001234567, default));
        _desk.Clock.Advance(DbTelegramStateStore.FineStatusLifetime);
        Assert.Equal(new TelegramChatStatus(null, true), await store.GetChatStatusAsync(111, default));
        await replica.SetUnreachableAsync(111, false, default);
        Assert.Equal(fine, await store.GetChatStatusAsync(111, default)); // only "fine" is remembered
    }

    [Fact]
    public async Task Store_when_replicas_claim_polling_gives_it_to_one_until_it_is_released_or_lapses()
    {
        var a = Store();
        var b = Store();
        var lease = TimeSpan.FromSeconds(90);

        Assert.True(await a.TryHoldPollingAsync("a", lease, default));
        Assert.False(await b.TryHoldPollingAsync("b", lease, default));
        _desk.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True(await a.TryHoldPollingAsync("a", lease, default)); // renewed: 90 s from now
        _desk.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.False(await b.TryHoldPollingAsync("b", lease, default));

        await b.ReleasePollingAsync("b", default); // not b's to give up
        Assert.False(await b.TryHoldPollingAsync("b", lease, default));
        await a.ReleasePollingAsync("a", default);
        Assert.True(await b.TryHoldPollingAsync("b", lease, default));

        _desk.Clock.Advance(lease + TimeSpan.FromSeconds(1)); // b stopped renewing (it died)
        Assert.True(await a.TryHoldPollingAsync("a", lease, default));
        Assert.False(await b.TryHoldPollingAsync("b", lease, default));
    }

    [Fact]
    public async Task Store_when_many_replicas_race_for_a_free_or_lapsed_claim_gives_it_to_exactly_one()
    {
        var lease = TimeSpan.FromSeconds(90);
        var replicas = Enumerable.Range(0, 8).Select(i => (Name: $"r{i}", Store: Store())).ToList();
        var winners = new List<int>();
        for (var round = 0; round < 25; round++)
        {
            using var start = new ManualResetEventSlim();
            var race = replicas.Select(r => Task.Run(async () =>
            {
                start.Wait();
                return await r.Store.TryHoldPollingAsync($"{r.Name}/{round}", lease, default);
            })).ToList();
            start.Set();
            winners.Add((await Task.WhenAll(race)).Count(won => won));
            _desk.Clock.Advance(lease + TimeSpan.FromSeconds(1)); // every claim lapses: the next round races for a taken key
        }

        Assert.All(winners, count => Assert.Equal(1, count));
    }

    private static async Task<List<string>> Unreachable(IDbContextFactory<ServiceDeskDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Profiles.Where(p => p.Unreachable).Select(p => p.PersonId).ToListAsync();
    }
}
