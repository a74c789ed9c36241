using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Tickets;
using static ServiceDesk.Core.Tests.Sla.SlaDesk;
using static ServiceDesk.Core.Tests.Sla.TestCalendars;

namespace ServiceDesk.Core.Tests.Sla;

/// <summary>Transcripts: a ticket's life on the fake clock, and what the monitor sends to whom.</summary>
public class SlaMonitorTests
{
    // Monday 23 Nov 2026, 10:00 in Warsaw; P2 = 30 min response, 8 business hours resolution (09-18 Mon-Fri).
    private static readonly DateTimeOffset Monday10 = Local(Warsaw, 2026, 11, 23, 10);

    private static DateTimeOffset At(int hour, int minute = 0, int day = 23) => Local(Warsaw, 2026, 11, day, hour, minute);

    [Fact]
    public async Task Monitor_when_P2_ticket_ages_warns_at_50_and_75_percent_then_pings_managers_once()
    {
        using var desk = new SlaDesk(Monday10);
        var key = await desk.OpenAsync(Priority.P2);
        desk.Clock.SetTo(At(10, 5));
        await desk.ActAsync(key, (t, c) => t.Claim(desk.Engineer(Lena), c));

        desk.Clock.SetTo(At(13, 59));
        await desk.TickAsync();
        Assert.DoesNotContain(await desk.OutboxAsync(), m => m.Message.Text.Contains('⏰'));

        desk.Clock.SetTo(At(14));
        await desk.TickAsync();
        await desk.TickAsync();
        var warnings = (await desk.OutboxAsync()).Where(m => m.Message.Text.StartsWith('⏰')).ToList();
        var half = Assert.Single(warnings);
        Assert.Equal(Lena, half.To);
        Assert.Contains("50% of the resolution time", half.Message.Text);
        Assert.Contains("4h 00m left", half.Message.Text);

        desk.Clock.SetTo(At(16));
        await desk.TickAsync();
        warnings = (await desk.OutboxAsync()).Where(m => m.Message.Text.StartsWith('⏰')).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("75% of the resolution time", warnings[1].Message.Text);
        Assert.Equal(Lena, warnings[1].To);

        desk.Clock.SetTo(At(18));
        await desk.TickAsync();
        desk.Clock.SetTo(At(18, 30));
        await desk.TickAsync();
        var pings = (await desk.OutboxAsync()).Where(m => m.Message.Text.StartsWith("🚨", StringComparison.Ordinal)).ToList();
        Assert.Equal(["web:managers", Max], pings.Select(p => p.To).Order());
        Assert.All(pings, p =>
        {
            Assert.Contains($"{key} «VPN does not connect» (P2) breached its resolution target", p.Message.Text);
            Assert.Equal(key, p.Message.Card?.Key);
            Assert.Contains(p.Message.Buttons, b => b.Value == $"show {key}");
        });
        Assert.Equal(2, (await desk.OutboxAsync()).Count(m => m.Message.Text.StartsWith('⏰')));
    }

    [Fact]
    public async Task Monitor_when_unassigned_warns_team_channel_and_escalates_to_line_lead_at_response_breach()
    {
        using var desk = new SlaDesk(Monday10);
        var key = await desk.OpenAsync(Priority.P2);

        desk.Clock.SetTo(At(10, 15));
        await desk.TickAsync();
        var warning = Assert.Single(await desk.OutboxAsync(), m => m.Message.Text.StartsWith('⏰'));
        Assert.Equal("web:team-l1", warning.To);
        Assert.Contains("50% of the first response time", warning.Message.Text);
        Assert.Contains(warning.Message.Buttons, b => b.Value == $"claim {key}");

        desk.Clock.SetTo(At(10, 31));
        await desk.TickAsync();
        var all = await desk.OutboxAsync();
        Assert.Single(all, m => m.To == Olga && m.Message.Text.Contains("still unclaimed past its response target"));
        Assert.Single(all, m => m.To == Max && m.Message.Text.Contains("breached its first response target"));
        // the 75% warning came due in the same pass as the breach: only the breach is told
        Assert.Single(all, m => m.Message.Text.StartsWith('⏰'));
    }

    [Fact]
    public async Task Waiting_for_user_pauses_the_clock_and_moves_targets()
    {
        using var desk = new SlaDesk(Monday10);
        var key = await desk.OpenAsync(Priority.P2);
        desk.Clock.SetTo(At(10, 5));
        await desk.ActAsync(key, (t, c) => t.Claim(desk.Engineer(Lena), c));
        desk.Clock.SetTo(At(12));
        await desk.ActAsync(key, (t, c) => t.AskUser(desk.Engineer(Lena), "Which VPN profile?", c));
        Assert.True((await desk.ClocksAsync(key)).Paused);
        Assert.DoesNotContain(await desk.TimersAsync(key), x => x.FiredAt is null && x.Kind != SlaTimerKind.L1TimeBox);

        desk.Clock.SetTo(At(14));
        await desk.TickAsync();
        Assert.DoesNotContain(await desk.OutboxAsync(), m => m.Message.Text.StartsWith('⏰'));

        desk.Clock.SetTo(At(15));
        await desk.ActAsync(key, (t, c) => t.Comment(desk.Requester, "The office one", c));
        var clocks = await desk.ClocksAsync(key);
        Assert.False(clocks.Paused);
        Assert.Equal(At(12, 0, day: 24), clocks.ResolutionDueAt); // 6 h left from 15:00: 15-18, then 09-12
        var timers = await desk.TimersAsync(key);
        Assert.Equal(At(17), timers.Single(x => x.Kind == SlaTimerKind.ResolutionWarning && x.Fraction == 0.5).DueAt); // 4 h used: 2 before, 2 after
        Assert.Equal(At(10, 0, day: 24), timers.Single(x => x.Kind == SlaTimerKind.ResolutionWarning && x.Fraction == 0.75).DueAt);
        Assert.Equal(At(12, 0, day: 24), timers.Single(x => x.Kind == SlaTimerKind.ResolutionBreach).DueAt);
    }

    [Fact]
    public async Task Priority_change_recomputes_targets_and_timers()
    {
        using var desk = new SlaDesk(Monday10);
        var key = await desk.OpenAsync(Priority.P3); // 24 business hours
        desk.Clock.SetTo(At(10, 5));
        await desk.ActAsync(key, (t, c) => t.Claim(desk.Engineer(Lena), c));
        Assert.Equal(At(16, 0, day: 25), (await desk.ClocksAsync(key)).ResolutionDueAt);

        desk.Clock.SetTo(At(12));
        await desk.ActAsync(key, (t, c) => t.ChangePriority(desk.Engineer(Lena), Priority.P2, "whole team affected", c));
        var clocks = await desk.ClocksAsync(key);
        Assert.Equal("P2", clocks.Priority);
        Assert.Equal(TimeSpan.FromHours(8), clocks.ResolutionTarget);
        Assert.Equal(At(18), clocks.ResolutionDueAt); // 2 h used, 6 left
        Assert.Equal(At(18), (await desk.TimersAsync(key)).Single(x => x.Kind == SlaTimerKind.ResolutionBreach).DueAt);

        desk.Clock.SetTo(At(14));
        await desk.TickAsync();
        Assert.Single(await desk.OutboxAsync(), m => m.To == Lena && m.Message.Text.Contains("50% of the resolution time"));
    }

    [Fact]
    public async Task Resolve_stops_the_clock_and_reopen_resumes_it()
    {
        using var desk = new SlaDesk(Monday10);
        var key = await desk.OpenAsync(Priority.P2);
        desk.Clock.SetTo(At(10, 5));
        await desk.ActAsync(key, (t, c) => t.Claim(desk.Engineer(Lena), c));
        desk.Clock.SetTo(At(11));
        await desk.ActAsync(key, (t, c) => t.Resolve(desk.Engineer(Lena), "Profile re-imported", c));
        Assert.DoesNotContain(await desk.TimersAsync(key), x => x.FiredAt is null);

        desk.Clock.SetTo(At(10, 0, day: 24));
        await desk.ActAsync(key, (t, c) => t.Reopen(desk.Requester, "Still broken", c));
        Assert.Equal(At(17, 0, day: 24), (await desk.ClocksAsync(key)).ResolutionDueAt); // 1 h used, 7 left
    }

    [Fact]
    public async Task L1_time_box_offers_escalation_to_the_assignee_and_tells_the_lead()
    {
        using var desk = new SlaDesk(Monday10);
        var key = await desk.OpenAsync(Priority.P3);
        desk.Clock.SetTo(At(10, 5));
        await desk.ActAsync(key, (t, c) => t.Claim(desk.Engineer(Lena), c));

        desk.Clock.SetTo(At(10, 24));
        await desk.TickAsync();
        Assert.DoesNotContain(await desk.OutboxAsync(), m => m.Message.Text.Contains("with L1"));

        desk.Clock.SetTo(At(10, 25));
        await desk.TickAsync();
        await desk.TickAsync();
        var all = await desk.OutboxAsync();
        var offer = Assert.Single(all, m => m.To == Lena && m.Message.Text.Contains("with L1 for 20 min"));
        Assert.Equal([$"escalate {key} L2 L1 time box of 20 min exceeded", $"sla keep {key}"], offer.Message.Buttons.Select(b => b.Value));
        Assert.Single(all, m => m.To == Olga && m.Message.Text.Contains("escalation to L2 was offered"));
    }

    [Fact]
    public async Task L1_time_box_when_auto_escalate_moves_the_ticket_to_L2()
    {
        using var desk = new SlaDesk(Monday10, autoEscalate: true);
        var key = await desk.OpenAsync(Priority.P3);
        desk.Clock.SetTo(At(10, 5));
        await desk.ActAsync(key, (t, c) => t.Claim(desk.Engineer(Lena), c));

        desk.Clock.SetTo(At(10, 26));
        await desk.TickAsync();
        await using var db = desk.Store.CreateDbContext();
        var ticket = db.Tickets.Single(t => t.Key == key);
        Assert.Equal((SupportLine.L2, TicketStatus.New, (string?)null), (ticket.Line, ticket.Status, ticket.AssigneeId));
        var all = await desk.OutboxAsync();
        Assert.Contains(all, m => m.To == "web:team-l2" && m.Message.Card?.Key == key);
        Assert.Single(all, m => m.To == Olga && m.Message.Text.Contains("escalated to L2 automatically"));
        Assert.Null((await desk.ClocksAsync(key)).L1RunningSince);
    }

    [Fact]
    public async Task NextDue_is_the_earliest_unfired_timer()
    {
        using var desk = new SlaDesk(Monday10);
        Assert.Null(await desk.Monitor.NextDueAsync(CancellationToken.None));
        await desk.OpenAsync(Priority.P2);
        Assert.Equal(At(10, 15), await desk.Monitor.NextDueAsync(CancellationToken.None));
    }
}
