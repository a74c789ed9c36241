using ServiceDesk.Core.Sla;
using static ServiceDesk.Core.Tests.Sla.TestCalendars;

namespace ServiceDesk.Core.Tests.Sla;

public class SlaClockTests
{
    private readonly SlaClock _clock = new(new SlaPolicyCatalog(new SlaOptions
    {
        Calendars = { ["business"] = new SlaCalendarOptions { TimeZone = "Europe/Warsaw" } },
    }));

    // Monday 23 Nov 2026, 10:00 Warsaw (09:00Z)
    private static readonly DateTimeOffset Monday10 = Local(Warsaw, 2026, 11, 23, 10);

    [Fact]
    public void Start_when_P2_sets_business_hour_targets()
    {
        var s = _clock.Start("P2", Monday10);
        Assert.Equal(Local(Warsaw, 2026, 11, 23, 10, 30), s.FirstResponse.DueAt);
        Assert.Equal(Local(Warsaw, 2026, 11, 23, 18), s.Resolution.DueAt); // 8 h: 10-18 Monday
    }

    [Fact]
    public void Start_when_P1_counts_round_the_clock()
    {
        var s = _clock.Start("P1", Local(Warsaw, 2026, 11, 28, 23));
        Assert.Equal(Local(Warsaw, 2026, 11, 28, 23, 15), s.FirstResponse.DueAt);
        Assert.Equal(Local(Warsaw, 2026, 11, 29, 3), s.Resolution.DueAt);
    }

    [Fact]
    public void Resume_after_waiting_for_user_moves_due_by_paused_business_time()
    {
        var s = _clock.RespondFirst(_clock.Start("P2", Monday10), Monday10.AddMinutes(10));
        s = _clock.Pause(s, Local(Warsaw, 2026, 11, 23, 12)); // 2 h used
        Assert.Null(s.Resolution.DueAt);
        Assert.Empty(_clock.Milestones(s));
        s = _clock.Resume(s, Local(Warsaw, 2026, 11, 23, 15)); // 3 business hours paused
        Assert.Equal(TimeSpan.FromHours(2), s.Resolution.Consumed);
        Assert.Equal(Local(Warsaw, 2026, 11, 24, 12), s.Resolution.DueAt); // 6 h left: 15-18, then 09-12
        Assert.Equal(Local(Warsaw, 2026, 11, 23, 10, 10), s.FirstResponse.MetAt);
    }

    [Fact]
    public void Pause_over_a_weekend_keeps_business_time_left()
    {
        var s = _clock.Start("P2", Local(Warsaw, 2026, 11, 27, 14));
        s = _clock.Pause(s, Local(Warsaw, 2026, 11, 27, 16)); // 2 h used, 6 left
        s = _clock.Resume(s, Local(Warsaw, 2026, 11, 30, 11));
        Assert.Equal(Local(Warsaw, 2026, 11, 30, 17), s.Resolution.DueAt);
    }

    [Fact]
    public void Resolve_stops_the_clock_and_reopen_resumes_it()
    {
        var s = _clock.Start("P2", Monday10);
        s = _clock.Resolve(s, Local(Warsaw, 2026, 11, 23, 14)); // 4 h used
        Assert.NotNull(s.FirstResponse.MetAt);
        Assert.Null(s.Resolution.DueAt);
        Assert.Equal(TimeSpan.FromHours(4), _clock.Elapsed(s.Resolution, Local(Warsaw, 2026, 11, 25, 10)));
        s = _clock.Reopen(s, Local(Warsaw, 2026, 11, 25, 10));
        Assert.Null(s.Resolution.MetAt);
        Assert.Equal(Local(Warsaw, 2026, 11, 25, 14), s.Resolution.DueAt);
    }

    [Fact]
    public void ChangePriority_keeps_elapsed_and_applies_new_target()
    {
        var s = _clock.Start("P3", Monday10);
        s = _clock.ChangePriority(s, "P2", Local(Warsaw, 2026, 11, 23, 12)); // 2 h used of P2's 8
        Assert.Equal("P2", s.Priority);
        Assert.Equal(TimeSpan.FromHours(8), s.Resolution.Target);
        Assert.Equal(Local(Warsaw, 2026, 11, 23, 18), s.Resolution.DueAt); // 6 h left: 12-18
        Assert.Equal(Local(Warsaw, 2026, 11, 23, 12), s.FirstResponse.DueAt); // 2 h used > 30 min: due at once
        Assert.Equal(TimeSpan.FromHours(2), s.Resolution.Consumed);
    }

    [Fact]
    public void ChangePriority_to_round_the_clock_when_target_already_used_up_is_due_at_once()
    {
        var s = _clock.Start("P3", Monday10);
        var at = Local(Warsaw, 2026, 11, 24, 10); // 9 business hours used
        s = _clock.ChangePriority(s, "P1", at); // P1 resolution 4 h
        Assert.Equal(at, s.Resolution.DueAt);
        Assert.True(s.Resolution.IsBreachedAt(at));
        Assert.Equal("24x7", s.Resolution.Calendar);
    }

    [Fact]
    public void Milestones_are_at_warning_fractions_and_breach()
    {
        var s = _clock.Start("P2", Monday10);
        var resolution = _clock.Milestones(s).Where(m => m.Target == SlaTargetKind.Resolution).ToList();
        Assert.Equal(
            [(0.5, Local(Warsaw, 2026, 11, 23, 14)), (0.75, Local(Warsaw, 2026, 11, 23, 16)), (1.0, Local(Warsaw, 2026, 11, 23, 18))],
            resolution.Select(m => (m.Fraction, m.DueAt)));
        Assert.Equal(3, _clock.Milestones(s).Count(m => m.Target == SlaTargetKind.FirstResponse));
        Assert.DoesNotContain(_clock.Milestones(_clock.RespondFirst(s, Monday10)), m => m.Target == SlaTargetKind.FirstResponse);
    }

    [Fact]
    public void Remaining_goes_negative_after_breach()
    {
        var s = _clock.Start("P2", Monday10);
        Assert.Equal(TimeSpan.FromHours(-1), _clock.Remaining(s.Resolution, Local(Warsaw, 2026, 11, 24, 10)));
        Assert.True(s.Resolution.IsBreachedAt(Local(Warsaw, 2026, 11, 23, 18)));
        Assert.False(s.Resolution.IsBreachedAt(Local(Warsaw, 2026, 11, 23, 17, 59)));
    }
}
