using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Tests.Conversations;

public sealed class TicketLifeTranscriptTests
{
    internal const string WholeLife = """
        # An employee reports a problem; the L1 channel gets a card.
        ! intake alice > My laptop cannot connect to the VPN since this morning
        alice < Ticket SD-1 is open, priority P3.
        l1-team < 🎫 SD-1 [P3] My laptop cannot connect to the VPN since this morning / new · L1 · unassigned · from Alice {Claim|Escalate|Details}

        # L1 claims it with the card's button.
        lena@l1-team > [Claim]
        l1-team < 🎫 SD-1 [P3] My laptop cannot connect to the VPN since this morning / in progress · L1 · Lena {Escalate|Resolve|Details}
        alice < Lena is working on your ticket SD-1.
        l1-team < You have taken SD-1.

        # A question to the requester: the ticket waits for them (SLA pause state).
        lena@l1-team > ask SD-1 Which VPN client version do you have?
        l1-team < waiting for you · L1 · Lena
        alice < Question about SD-1 from Lena: / Which VPN client version do you have? / Just answer here.
        l1-team < Question on SD-1 sent; the ticket waits for the requester.
        alice > It's AnyConnect 4.10
        l1-team < in progress · L1 · Lena
        l1-team < 💬 Alice on SD-1: / It's AnyConnect 4.10
        alice < I have passed your message on SD-1 to the engineers.

        # Escalated to L2 with a reason.
        lena@l1-team > escalate SD-1 needs a change on the VPN gateway
        l1-team < 🎫 SD-1 [P3] My laptop cannot connect to the VPN since this morning / moved to L2 · new
        l2-team < 🎫 SD-1 [P3] My laptop cannot connect to the VPN since this morning / new · L2 · unassigned · from Alice {Claim|Escalate|Details}
        alice < Your ticket SD-1 was passed to the L2 specialists.
        l1-team < SD-1 went to L2.

        # L2 claims and resolves.
        oleg@l2-team > [Claim]
        l2-team < in progress · L2 · Oleg {Escalate|Resolve|Details}
        alice < Oleg is working on your ticket SD-1.
        l2-team < You have taken SD-1.
        oleg@l2-team > resolve SD-1 Updated the gateway profile; reconnect the VPN.
        l2-team < resolved · L2 · Oleg {Details}
        alice < Your ticket SD-1 is resolved: / Updated the gateway profile; reconnect the VPN. / Did this fix it? {Yes, it's fixed|No, still broken}
        l2-team < SD-1 is resolved; the requester is asked to confirm.

        # The requester reopens: the button asks for the reason.
        alice > [No, still broken]
        alice < Why should SD-1 be reopened?
        alice > It still drops after five minutes
        l2-team < in progress · L2 · Oleg
        l2-team < ↩️ Alice reopened SD-1: It still drops after five minutes
        oleg < ↩️ Alice reopened SD-1: It still drops after five minutes
        alice < SD-1 is open again.

        # Resolved again, confirmed, closed, rated.
        oleg@l2-team > resolve SD-1 Replaced the client certificate.
        l2-team < resolved · L2 · Oleg
        alice < Your ticket SD-1 is resolved: / Replaced the client certificate.
        l2-team < SD-1 is resolved
        alice > [Yes, it's fixed]
        l2-team < closed · L2 · Oleg
        alice < SD-1 is closed. How would you rate the help? {★|★★|★★★|★★★★|★★★★★}
        alice < Thank you! SD-1 is closed.
        alice > [★★★★★]
        l2-team < ⭐ SD-1 was rated 5/5.
        alice < Thank you for your rating!
        """;

    [Fact]
    public async Task Ticket_when_worked_through_its_whole_life_records_every_step_with_actor_and_channel()
    {
        await using var desk = await TestDesk.StartAsync();
        await new Transcript(desk).PlayAsync(WholeLife);

        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var ticket = await db.Tickets.Include(t => t.Events.OrderBy(e => e.Id)).SingleAsync();
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(5, ticket.CsatScore);
        Assert.True(ticket.WasEscalated);
        Assert.Equal(1, ticket.ReopenCount);
        var history = ticket.Events.Select(e => $"{e.Kind}:{e.ActorId}:{e.Channel}:{e.FromStatus}->{e.ToStatus}").ToList();
        Assert.Equal(
        [
            "created:alice:test:->New",
            "claimed:lena:test:New->InProgress",
            "asked:lena:test:InProgress->WaitingForUser",
            "user_replied:alice:test:WaitingForUser->InProgress",
            "escalated:lena:test:InProgress->New",
            "claimed:oleg:test:New->InProgress",
            "resolved:oleg:test:InProgress->Resolved",
            "reopened:alice:test:Resolved->InProgress",
            "resolved:oleg:test:InProgress->Resolved",
            "confirmed:alice:test:Resolved->Closed",
            "rated:alice:test:Closed->Closed",
        ], history);
    }
}
