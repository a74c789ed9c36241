using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Tests.Tickets;

public sealed class AutoCloserTests
{
    [Fact]
    public async Task AutoCloser_when_the_requester_does_not_answer_closes_after_the_configured_time_and_tells_them()
    {
        var settings = TestDesk.DefaultSettings();
        settings["ServiceDesk:AutoCloseAfter"] = "2.00:00:00";
        await using var desk = await TestDesk.StartAsync(settings);
        await new Transcript(desk).PlayAsync("""
            ! intake alice > Webcam shows a black picture
            alice < Ticket SD-1 is open
            l1-team < 🎫 SD-1
            lena@l1-team > claim SD-1
            l1-team < in progress
            alice < Lena is working
            l1-team < You have taken SD-1.
            lena@l1-team > resolve SD-1 Opened the privacy shutter
            l1-team < resolved
            alice < Your ticket SD-1 is resolved
            l1-team < SD-1 is resolved
            """);
        var closer = desk.Get<AutoCloser>();
        desk.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await closer.RunOnceAsync(CancellationToken.None));
        desk.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await closer.RunOnceAsync(CancellationToken.None));
        await desk.DeliverAsync();

        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var t = await db.Tickets.Include(x => x.Events).SingleAsync();
        Assert.Equal(TicketStatus.Closed, t.Status);
        var last = t.Events.OrderBy(e => e.Id).Last();
        Assert.Equal(("auto_closed", "system"), (last.Kind, last.ActorId));
        Assert.Contains(desk.Channel.Delivered, d => d.Message.To.ConversationId == "alice" && d.Message.Text.Contains("SD-1 was closed automatically"));
    }

    [Fact]
    public async Task Requester_when_sending_a_photo_while_the_ticket_waits_attaches_it_as_a_reference()
    {
        await using var desk = await TestDesk.StartAsync();
        await desk.OpenTicketAsync("alice", "Printer shows an error code");
        await desk.SendAsync("lena", "l1-team", "claim SD-1", isPrivate: false);
        await desk.SendAsync("lena", "l1-team", "ask SD-1 Can you send a photo of the display?", isPrivate: false);
        var photo = new InboundMessage
        {
            Channel = "test", ConversationId = "alice", SenderId = "alice", MessageId = "photo-1", Text = "here",
            Attachments = [new AttachmentReference("test", "file-123", "display.jpg", "image/jpeg", 52_000)],
        };
        await desk.Get<ConversationEngine>().HandleAsync(photo, CancellationToken.None);

        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var t = await db.Tickets.Include(x => x.Attachments).SingleAsync();
        var a = Assert.Single(t.Attachments);
        Assert.Equal(("file-123", "display.jpg", "alice"), (a.FileId, a.FileName, a.AddedBy));
        Assert.Equal(TicketStatus.InProgress, t.Status);
    }
}
