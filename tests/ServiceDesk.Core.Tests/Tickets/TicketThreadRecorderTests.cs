using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Tests.Tickets;

public sealed class TicketThreadRecorderTests
{
    [Fact]
    public async Task Recorder_when_a_thread_is_delivered_again_keeps_one_row_and_adds_only_new_threads()
    {
        await using var desk = await TestDesk.StartAsync();
        await desk.OpenTicketAsync("alice", "The printer on floor 3 jams on every page");
        var factory = desk.Get<IDbContextFactory<ServiceDeskDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var card = await db.TicketThreads.AsNoTracking().SingleAsync(t => t.ConversationId == "l1-team"); // the card, recorded by the outbox
        var before = await db.TicketThreads.OrderBy(t => t.Id).Select(t => t.ThreadId).ToListAsync();
        var ticket = await db.Tickets.AsNoTracking().SingleAsync();
        var message = new OutboundMessage { To = new ConversationAddress(card.Channel, card.ConversationId), Text = "edited card", TicketKey = ticket.Key };

        await TicketThreadRecorder.AddAsync(db, [(message, card.ThreadId), (message, "new-thread")], desk.Clock.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.Equal([.. before, "new-thread"], await db.TicketThreads.OrderBy(t => t.Id).Select(t => t.ThreadId).ToListAsync());
        Assert.All(await db.TicketThreads.ToListAsync(), t => Assert.Equal(ticket.Id, t.TicketId));
    }
}
