using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Notifications;

public sealed class StoreDeliveryTests
{
    private readonly TranscriptStoreChannel _channel = new();

    private Task<TestDesk> StartAsync() => TestDesk.StartAsync(configure: s => s.AddSingleton<IStoreDeliveredChannel>(_channel));

    [Fact]
    public async Task Turn_when_replying_on_a_store_delivered_channel_delivers_in_its_own_save_and_queues_nothing()
    {
        await using var desk = await StartAsync();

        var result = await desk.SendAsync("alice", "alice", "help");

        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var delivered = await db.ChannelTranscripts.Where(t => t.ConversationId == "alice").Select(t => t.Payload).ToListAsync();
        Assert.Equal(result.Messages.Select(m => m.Text), delivered);
        Assert.NotEmpty(delivered);
        Assert.Equal(0, await db.Outbox.CountAsync());
        Assert.All(_channel.Outcomes, Assert.True);
        Assert.Empty(desk.Channel.Delivered); // the outbox sender was never needed
    }

    [Fact]
    public async Task Turn_when_it_opens_a_ticket_records_the_card_as_the_new_tickets_thread()
    {
        await using var desk = await StartAsync();

        await desk.OpenTicketAsync("alice", "The printer on floor 3 jams on every page");

        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var ticket = await db.Tickets.SingleAsync();
        var card = await db.ChannelTranscripts.SingleAsync(t => t.ConversationId == "l1-team");
        var thread = await db.TicketThreads.SingleAsync(t => t.ConversationId == "l1-team");
        Assert.Equal(ticket.Id, thread.TicketId);
        Assert.Equal($"t{card.Sequence}", thread.ThreadId);
    }

    [Fact]
    public async Task Save_when_it_fails_delivers_nothing_and_reports_the_failure()
    {
        await using var desk = await StartAsync();
        var factory = desk.Get<IDbContextFactory<ServiceDeskDbContext>>();
        await using (var first = await factory.CreateDbContextAsync())
        {
            first.ProcessedMessages.Add(new ProcessedMessage { Channel = "test", MessageId = "dup", ProcessedAt = desk.Clock.GetUtcNow() });
            await first.SaveChangesAsync();
        }

        await using var db = await factory.CreateDbContextAsync();
        new OutboxWriter(db, desk.Clock.GetUtcNow()).Write(new OutboundMessage { To = new ConversationAddress("test", "alice"), Text = "lost" });
        db.ProcessedMessages.Add(new ProcessedMessage { Channel = "test", MessageId = "dup", ProcessedAt = desk.Clock.GetUtcNow() });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal([false], _channel.Outcomes);
        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(0, await check.ChannelTranscripts.CountAsync());
    }

    [Fact]
    public async Task Writer_when_the_unit_runs_in_an_explicit_transaction_queues_the_message_in_the_outbox()
    {
        await using var desk = await StartAsync();
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var writer = new OutboxWriter(db, desk.Clock.GetUtcNow());
        writer.Write(new OutboundMessage { To = new ConversationAddress("test", "alice"), Text = "queued" });
        await db.SaveChangesAsync();
        await tx.CommitAsync();

        Assert.True(writer.Queued);
        Assert.Empty(_channel.Outcomes);
        Assert.Equal(1, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Writer_when_amended_before_the_save_delivers_the_amended_message()
    {
        await using var desk = await StartAsync();
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var writer = new OutboxWriter(db, desk.Clock.GetUtcNow());
        writer.Write(new OutboundMessage { To = new ConversationAddress("test", "alice"), Text = "first draft" });
        writer.Amend(m => m with { Text = "final" });
        await db.SaveChangesAsync();

        Assert.False(writer.Queued);
        Assert.Equal("final", (await db.ChannelTranscripts.SingleAsync()).Payload);
    }

    [Fact]
    public async Task Context_when_returned_to_the_pool_unsaved_forgets_its_save_participants()
    {
        await using var desk = await StartAsync();
        var factory = desk.Get<IDbContextFactory<ServiceDeskDbContext>>();
        await using (var abandoned = await factory.CreateDbContextAsync())
            new OutboxWriter(abandoned, desk.Clock.GetUtcNow()).Write(new OutboundMessage { To = new ConversationAddress("test", "alice"), Text = "never saved" });

        await using var db = await factory.CreateDbContextAsync();
        db.ProcessedMessages.Add(new ProcessedMessage { Channel = "test", MessageId = "x", ProcessedAt = desk.Clock.GetUtcNow() });
        await db.SaveChangesAsync();

        Assert.Empty(_channel.Outcomes);
        Assert.Equal(0, await db.ChannelTranscripts.CountAsync());
    }
}
