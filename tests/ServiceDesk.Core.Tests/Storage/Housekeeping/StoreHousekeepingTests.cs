using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Storage.Housekeeping;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Storage.Housekeeping;

public sealed class StoreHousekeepingTests
{
    [Fact]
    public async Task Prune_when_records_are_past_retention_deletes_them_in_batches_and_keeps_the_rest()
    {
        var settings = TestDesk.DefaultSettings();
        settings["ServiceDesk:Retention:BatchSize"] = "2"; // several batches per kind
        await using var desk = await TestDesk.StartAsync(settings);
        await SeedAsync(desk);

        var result = await desk.Get<StoreHousekeeping>().PruneOnceAsync(default);

        Assert.Equal(new PruneResult(ProcessedMessages: 5, SentOutbox: 3, WebTranscripts: 6), result);
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(["recent"], await db.ProcessedMessages.Select(p => p.MessageId).ToListAsync());
        Assert.Equal(["parked-old", "pending-old", "sent-recent"], (await db.Outbox.Select(m => m.ConversationId).ToListAsync()).Order());
        // each room keeps its newest entry (the next append numbers on from it), room a also its recent ones
        Assert.Equal(["a:5", "a:6", "b:3"], (await db.ChannelTranscripts.Select(e => e.ConversationId + ":" + e.Sequence).ToListAsync()).Order());

        Assert.Equal(new PruneResult(0, 0, 0), await desk.Get<StoreHousekeeping>().PruneOnceAsync(default));
    }

    [Fact]
    public async Task Prune_when_a_retention_is_zero_keeps_that_kind_forever()
    {
        var settings = TestDesk.DefaultSettings();
        settings["ServiceDesk:Retention:ProcessedMessages"] = "00:00:00";
        settings["ServiceDesk:Retention:WebTranscripts"] = "0.00:00:00";
        await using var desk = await TestDesk.StartAsync(settings);
        await SeedAsync(desk);

        var result = await desk.Get<StoreHousekeeping>().PruneOnceAsync(default);

        Assert.Equal(new PruneResult(0, 3, 0), result);
    }

    [Fact]
    public async Task Prune_when_a_channel_registered_expiring_records_deletes_only_its_old_ones()
    {
        await using var desk = await TestDesk.StartAsync(ChannelStateSettings(TestDesk.DefaultSettings()), RegisterChannelKinds);
        await AssertChannelStatePrunedAsync(desk);
    }

    [PostgresFact]
    public async Task Prune_when_on_postgres_deletes_the_same_channel_records()
    {
        var (desk, drop) = await PostgresStoreTests.StartOnPostgresAsync(s => ChannelStateSettings(s), RegisterChannelKinds);
        try
        {
            await AssertChannelStatePrunedAsync(desk);
        }
        finally
        {
            await drop();
        }
    }

    private static Dictionary<string, string?> ChannelStateSettings(Dictionary<string, string?> settings)
    {
        settings["ServiceDesk:Retention:BatchSize"] = "2";
        settings["ServiceDesk:Retention:ChannelButtons"] = "0"; // kept forever
        return settings;
    }

    private static void RegisterChannelKinds(IServiceCollection services)
    {
        services.AddSingleton(new ExpiringChannelState("chat", "session:", r => r.ChannelSessions));
        services.AddSingleton(new ExpiringChannelState("chat", "button:", r => r.ChannelButtons));
    }

    /// <summary>Five sessions past the 90 days and one within; an old button (kept: zero retention), an old entry of no registered kind, another channel's.</summary>
    private static async Task AssertChannelStatePrunedAsync(TestDesk desk)
    {
        var now = desk.Clock.GetUtcNow();
        await using (var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync())
        {
            ChannelStateEntry Entry(string channel, string key, int ageDays) => new() { Channel = channel, Key = key, Value = "v", UpdatedAt = now.AddDays(-ageDays) };
            for (var i = 0; i < 5; i++)
                db.ChannelState.Add(Entry("chat", $"session:old{i}", 91 + i));
            db.ChannelState.Add(Entry("chat", "session:recent", 89));
            db.ChannelState.Add(Entry("chat", "button:old", 400));
            db.ChannelState.Add(Entry("chat", "offset", 400));
            db.ChannelState.Add(Entry("other", "session:old", 400));
            await db.SaveChangesAsync();
        }

        var result = await desk.Get<StoreHousekeeping>().PruneOnceAsync(default);

        Assert.Equal(new PruneResult(0, 0, 0, ChannelState: 5), result);
        await using var after = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(["chat/button:old", "chat/offset", "chat/session:recent", "other/session:old"],
            (await after.ChannelState.Select(e => e.Channel + "/" + e.Key).ToListAsync()).Order());
    }

    [PostgresFact]
    public async Task Prune_when_on_postgres_deletes_the_same_records()
    {
        var (desk, drop) = await PostgresStoreTests.StartOnPostgresAsync(settings => settings["ServiceDesk:Retention:BatchSize"] = "2");
        try
        {
            await SeedAsync(desk);
            Assert.Equal(new PruneResult(5, 3, 6), await desk.Get<StoreHousekeeping>().PruneOnceAsync(default));
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>
    /// Defaults: handled ids 7 days, delivered outbox 30 days, web transcripts 90 days. Seeds five old ids and one
    /// recent; three old delivered messages, a recent one and old pending and parked ones; room a with four old
    /// entries and two recent, room b with three old ones.
    /// </summary>
    private static async Task SeedAsync(TestDesk desk)
    {
        var now = desk.Clock.GetUtcNow();
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < 5; i++)
            db.ProcessedMessages.Add(new ProcessedMessage { Channel = "telegram", MessageId = $"old{i}", ProcessedAt = now.AddDays(-8).AddMinutes(i) });
        db.ProcessedMessages.Add(new ProcessedMessage { Channel = "telegram", MessageId = "recent", ProcessedAt = now.AddDays(-1) });

        OutboxMessage Message(string conversation, OutboxStatus status, int ageDays) => new()
        {
            Channel = "telegram", ConversationId = conversation, Payload = "{}", Status = status, CreatedAt = now.AddDays(-ageDays),
            NextAttemptAt = now.AddDays(-ageDays), SentAt = status == OutboxStatus.Sent ? now.AddDays(-ageDays) : null,
        };
        for (var i = 0; i < 3; i++)
            db.Outbox.Add(Message($"sent-old{i}", OutboxStatus.Sent, 31 + i));
        db.Outbox.Add(Message("sent-recent", OutboxStatus.Sent, 1));
        db.Outbox.Add(Message("pending-old", OutboxStatus.Pending, 40));
        db.Outbox.Add(Message("parked-old", OutboxStatus.Parked, 40));

        ChannelTranscriptEntry Entry(string room, long sequence, int ageDays) =>
            new() { Channel = "web", ConversationId = room, Sequence = sequence, Payload = "{}", CreatedAt = now.AddDays(-ageDays) };
        for (var s = 1; s <= 4; s++)
            db.ChannelTranscripts.Add(Entry("a", s, 100));
        db.ChannelTranscripts.Add(Entry("a", 5, 1));
        db.ChannelTranscripts.Add(Entry("a", 6, 0));
        for (var s = 1; s <= 3; s++)
            db.ChannelTranscripts.Add(Entry("b", s, 100));
        await db.SaveChangesAsync();
    }
}
