using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Sla;

/// <summary>
/// SLA transcripts through the real engine, store and outbox (business calendar: Monday–Friday 09:00–18:00 UTC; the
/// clock starts Monday 23 Nov 2026 09:00 UTC). Between script parts the SLA monitor runs once and the outbox is delivered.
/// </summary>
public sealed class SlaTranscriptTests
{
    private const string OpenAndClaim = """
        ! intake alice > My laptop cannot connect to the VPN since this morning
        alice < Ticket SD-1 is open, priority P3. First response by 2026-11-23 11:00 (UTC), resolution by 2026-11-25 15:00 (UTC).
        l1-team < 🎫 SD-1 [P3]
        kate@l1-team > [Claim]
        l1-team < 🎫 SD-1 [P3]
        alice < Kate is working on your ticket SD-1.
        l1-team < You have taken SD-1.
        """;

    [Fact]
    public async Task P2_ticket_is_warned_at_50_and_75_percent_and_its_breach_pings_managers_once()
    {
        await using var desk = await StartAsync(("Sla:L1TimeBox", "2.00:00:00"));
        var script = new Transcript(desk);
        await script.PlayAsync(OpenAndClaim + """

            kate@l1-team > priority SD-1 P2 the whole sales team is affected
            l1-team < 🎫 SD-1 [P2] My laptop cannot connect to the VPN since this morning / in progress · L1 · Kate · from Alice · other / ⏱ resolution: 8h 00m left
            alice < SD-1
            l1-team < SD-1
            """);
        await AssertResolutionDueAsync(desk, At(17));

        await MonitorAtAsync(desk, At(12, 59));
        await script.PlayAsync("");
        await MonitorAtAsync(desk, At(13));
        await MonitorAtAsync(desk, At(13, 1));
        await script.PlayAsync("kate < ⏰ SD-1 «My laptop cannot connect to the VPN since this morning»: 50% of the resolution time is used, 4h 00m left (due 2026-11-23 17:00 (UTC)). {Details}");

        await MonitorAtAsync(desk, At(15));
        await script.PlayAsync("""
            kate < ⏰ SD-1 «My laptop cannot connect to the VPN since this morning»: 75% of the resolution time is used, 2h 00m left
            maria > sla
            maria < ⏰ At risk (1): / SD-1 P2 L1 «My laptop cannot connect to the VPN since this morning» — Kate — resolution: 2h 00m left {SD-1}
            kate > sla
            kate < The SLA overview is for managers.
            """);

        await MonitorAtAsync(desk, At(17));
        await MonitorAtAsync(desk, At(17, 30));
        await MonitorAtAsync(desk, At(9, 0, day: 24));
        await script.PlayAsync("""
            maria < 🚨 SD-1 «My laptop cannot connect to the VPN since this morning» (P2) breached its resolution target (due 2026-11-23 17:00 (UTC)). /  / 🎫 SD-1 [P2] My laptop cannot connect to the VPN since this morning / in progress · L1 · Kate · from Alice · other / resolution target breached, overdue by 0m
            managers < 🚨 SD-1 «My laptop cannot connect to the VPN since this morning» (P2) breached its resolution target
            """);

        await script.PlayAsync("""
            maria > sla
            maria < 🚨 Breached (1): / SD-1 P2 L1 «My laptop cannot connect to the VPN since this morning» — Kate — resolution: overdue by 1h 00m {SD-1}
            """);
    }

    [Fact]
    public async Task Waiting_for_the_user_pauses_the_clock_and_the_answer_moves_the_targets()
    {
        await using var desk = await StartAsync(("Sla:L1TimeBox", "2.00:00:00"));
        var script = new Transcript(desk);
        await script.PlayAsync(OpenAndClaim + """

            kate@l1-team > priority SD-1 P2 urgent
            l1-team < 🎫 SD-1 [P2]
            alice < SD-1
            l1-team < SD-1
            """);
        desk.Clock.SetTo(At(11));
        await script.PlayAsync("""
            kate@l1-team > ask SD-1 Which VPN client version do you have?
            l1-team < waiting for you
            alice < Question about SD-1 from Kate
            l1-team < Question on SD-1 sent
            """);

        await MonitorAtAsync(desk, At(13));
        await script.PlayAsync(""); // paused: no 50% warning at 13:00

        desk.Clock.SetTo(At(14));
        await script.PlayAsync("""
            alice > It's AnyConnect 4.10
            l1-team < in progress
            l1-team < It's AnyConnect 4.10
            alice < I have passed your message on SD-1
            """);
        await AssertResolutionDueAsync(desk, At(11, 0, day: 24)); // 2 h used before the question, 6 left from 14:00: 14-18, then 09-11

        await MonitorAtAsync(desk, At(16));
        await script.PlayAsync("kate < ⏰ SD-1 «My laptop cannot connect to the VPN since this morning»: 50% of the resolution time is used");
    }

    [Fact]
    public async Task L1_time_box_offers_escalation_and_keep_keeps_the_ticket()
    {
        await using var desk = await StartAsync();
        var script = new Transcript(desk);
        await script.PlayAsync(OpenAndClaim);

        await MonitorAtAsync(desk, At(9, 19));
        await script.PlayAsync("");
        await MonitorAtAsync(desk, At(9, 20));
        await MonitorAtAsync(desk, At(9, 21));
        await script.PlayAsync("""
            kate < SD-1 «My laptop cannot connect to the VPN since this morning» has been with L1 for 20 min. Escalate it to L2? {Escalate to L2|Keep}
            lena < SD-1 «My laptop cannot connect to the VPN since this morning» has been with L1 for 20 min (assignee: Kate); escalation to L2 was offered.
            kate > [Keep]
            kate < OK, SD-1 stays with L1.
            """);
    }

    [Fact]
    public async Task L1_time_box_offer_escalates_when_the_assignee_accepts()
    {
        await using var desk = await StartAsync();
        var script = new Transcript(desk);
        await script.PlayAsync(OpenAndClaim);
        await MonitorAtAsync(desk, At(9, 20));
        await script.PlayAsync("""
            kate < has been with L1 for 20 min. Escalate it to L2? {Escalate to L2|Keep}
            lena < escalation to L2 was offered.
            kate > [Escalate to L2]
            l1-team < moved to L2
            l2-team < 🎫 SD-1 [P3]
            alice < Your ticket SD-1 was passed to the L2 specialists.
            kate < SD-1 went to L2.
            """);
    }

    [Fact]
    public async Task L1_time_box_escalates_automatically_when_configured()
    {
        await using var desk = await StartAsync(("Sla:AutoEscalate", "true"));
        var script = new Transcript(desk);
        await script.PlayAsync(OpenAndClaim);
        await MonitorAtAsync(desk, At(9, 20));
        await script.PlayAsync("""
            l1-team < moved to L2
            l2-team < 🎫 SD-1 [P3] My laptop cannot connect to the VPN since this morning / new · L2 · unassigned
            alice < Your ticket SD-1 was passed to the L2 specialists.
            lena < SD-1 «My laptop cannot connect to the VPN since this morning» was escalated to L2 automatically after 20 min in L1.
            """);
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var ticket = await db.Tickets.Include(t => t.Events).SingleAsync();
        Assert.Contains(ticket.Events, e => e.Kind == "escalated" && e.ActorName == "SLA monitor");
    }

    [Fact]
    public async Task Unclaimed_ticket_past_its_response_target_goes_to_the_line_lead()
    {
        await using var desk = await StartAsync();
        var script = new Transcript(desk);
        await script.PlayAsync("""
            ! intake alice > My laptop cannot connect to the VPN since this morning
            alice < Ticket SD-1 is open, priority P3.
            l1-team < 🎫 SD-1 [P3]
            """);
        await MonitorAtAsync(desk, At(10));
        await script.PlayAsync("l1-team < ⏰ SD-1 «My laptop cannot connect to the VPN since this morning»: 50% of the first response time is used, 1h 00m left {Claim|Details}");
        await MonitorAtAsync(desk, At(11));
        await script.PlayAsync("""
            maria < 🚨 SD-1 «My laptop cannot connect to the VPN since this morning» (P3) breached its first response target
            managers < 🚨 SD-1
            lena < ⚠️ SD-1 «My laptop cannot connect to the VPN since this morning» (P3, L1) is still unclaimed past its response target. {Claim|Details}
            """);
    }

    [Fact]
    public async Task Queue_and_show_give_the_time_left_and_the_queue_sorts_by_it()
    {
        await using var desk = await StartAsync(("Sla:L1TimeBox", "2.00:00:00"));
        var script = new Transcript(desk);
        await script.PlayAsync(OpenAndClaim + """

            kate@l1-team > priority SD-1 P2 urgent
            l1-team < 🎫 SD-1 [P2]
            alice < SD-1
            l1-team < SD-1
            """);
        desk.Clock.SetTo(At(16));
        await script.PlayAsync("""
            ! intake bob > The printer on the 3rd floor is on fire
            bob < Ticket SD-2 is open, priority P3.
            l1-team < 🎫 SD-2 [P3] The printer on the 3rd floor is on fire / new · L1 · unassigned · from Bob · other / ⏱ first response: 2h 00m left
            kate@l1-team > priority SD-2 P1 fire
            l1-team < 🎫 SD-2 [P1] The printer on the 3rd floor is on fire / new · L1 · unassigned · from Bob · other / ⏱ first response: 15m left
            bob < SD-2
            l1-team < SD-2
            kate@l1-team > claim SD-2
            l1-team < 🎫 SD-2 [P1] The printer on the 3rd floor is on fire / in progress · L1 · Kate · from Bob · other / ⏱ resolution: 4h 00m left
            bob < Kate is working on your ticket SD-2.
            l1-team < You have taken SD-2.
            kate@l1-team > queue
            l1-team < Queue L1: / • SD-1 [P2] in progress — My laptop cannot connect to the VPN since this morning (Kate) · ⏱ resolution: 1h 00m left / • SD-2 [P1] in progress — The printer on the 3rd floor is on fire (Kate) · ⏱ resolution: 4h 00m left
            kate@l1-team > show SD-1
            l1-team < SD-1 «My laptop cannot connect to the VPN since this morning» / Incident · in progress · P2 · L1 · engineer: Kate · requester: Alice · category: other / ⏱ resolution: 1h 00m left
            """);
    }

    private static DateTimeOffset At(int hour, int minute = 0, int day = 23) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task<TestDesk> StartAsync(params (string Key, string Value)[] settings)
    {
        var all = TestDesk.DefaultSettings();
        foreach (var (key, value) in settings)
            all[key] = value;
        return await TestDesk.StartAsync(all);
    }

    private static async Task MonitorAtAsync(TestDesk desk, DateTimeOffset at)
    {
        desk.Clock.SetTo(at);
        await desk.Get<SlaMonitor>().RunDueAsync(CancellationToken.None);
        await desk.DeliverAsync();
    }

    private static async Task AssertResolutionDueAsync(TestDesk desk, DateTimeOffset due)
    {
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(due, (await db.Set<TicketSla>().SingleAsync()).ResolutionDueAt);
    }
}
