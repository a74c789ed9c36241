using ServiceDesk.Core.Sla.Calendars;
using static ServiceDesk.Core.Tests.Sla.TestCalendars;

namespace ServiceDesk.Core.Tests.Sla;

public class BusinessCalendarTests
{
    private readonly BusinessCalendar _warsaw = Business(Warsaw);
    private readonly BusinessCalendar _moscow = Business(Moscow);

    [Fact]
    public void Add_when_target_fits_in_the_day_returns_same_day()
    {
        var due = _warsaw.Add(Local(Warsaw, 2026, 11, 23, 10), TimeSpan.FromHours(2));
        Assert.Equal(Local(Warsaw, 2026, 11, 23, 12), due);
    }

    [Fact]
    public void Add_when_day_ends_continues_next_morning()
    {
        var due = _warsaw.Add(Local(Warsaw, 2026, 11, 24, 17), TimeSpan.FromHours(2));
        Assert.Equal(Local(Warsaw, 2026, 11, 25, 10), due);
    }

    [Fact]
    public void Add_when_friday_evening_skips_the_weekend()
    {
        var due = _warsaw.Add(Local(Warsaw, 2026, 11, 27, 17), TimeSpan.FromHours(2));
        Assert.Equal(Local(Warsaw, 2026, 11, 30, 10), due);
    }

    [Fact]
    public void Add_when_holidays_follow_skips_them_and_the_weekend()
    {
        // Wed 23 Dec 17:00; Thu 24 (dated holiday), Fri 25 (yearly), Sat, Sun off → Mon 28 Dec.
        var due = _warsaw.Add(Local(Warsaw, 2026, 12, 23, 17), TimeSpan.FromHours(2));
        Assert.Equal(Local(Warsaw, 2026, 12, 28, 10), due);
    }

    [Fact]
    public void Add_when_yearly_holiday_in_another_year_skips_it()
    {
        // Thu 24 Dec 2027 is a working day (only 2026-12-24 is listed); Fri 25 Dec 2027 is not.
        var due = _warsaw.Add(Local(Warsaw, 2027, 12, 24, 17), TimeSpan.FromHours(2));
        Assert.Equal(Local(Warsaw, 2027, 12, 27, 10), due);
    }

    [Theory]
    [InlineData(2, 0)] // Tuesday 02:00
    [InlineData(23, 30)] // Monday 23:30
    public void Add_when_ticket_opened_at_night_counts_from_nine(int hour, int minute)
    {
        var start = hour < 12 ? Local(Warsaw, 2026, 11, 24, hour, minute) : Local(Warsaw, 2026, 11, 23, hour, minute);
        Assert.Equal(Local(Warsaw, 2026, 11, 24, 9, 30), _warsaw.Add(start, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Add_when_opened_saturday_night_is_due_monday_morning()
    {
        var due = _warsaw.Add(Local(Warsaw, 2026, 11, 28, 23), TimeSpan.FromMinutes(30));
        Assert.Equal(Local(Warsaw, 2026, 11, 30, 9, 30), due);
    }

    [Fact]
    public void Add_when_weekend_contains_spring_forward_lands_on_summer_time()
    {
        // Warsaw moves 02:00 CET → 03:00 CEST on Sun 29 Mar 2026.
        var due = _warsaw.Add(Local(Warsaw, 2026, 3, 27, 17), TimeSpan.FromHours(2));
        Assert.Equal(Utc(2026, 3, 30, 8), due); // Monday 10:00 CEST
        Assert.Equal(TimeSpan.FromHours(2), _warsaw.Between(Local(Warsaw, 2026, 3, 27, 17), due));
    }

    [Fact]
    public void Add_when_weekend_contains_fall_back_lands_on_winter_time()
    {
        // Warsaw moves 03:00 CEST → 02:00 CET on Sun 25 Oct 2026.
        var due = _warsaw.Add(Local(Warsaw, 2026, 10, 23, 17), TimeSpan.FromHours(2));
        Assert.Equal(Utc(2026, 10, 26, 9), due); // Monday 10:00 CET
    }

    [Fact]
    public void Between_when_whole_local_day_on_spring_forward_is_23_hours()
    {
        var all = RoundTheClock(Warsaw);
        Assert.Equal(TimeSpan.FromHours(23), all.Between(Local(Warsaw, 2026, 3, 29, 0), Local(Warsaw, 2026, 3, 30, 0)));
        Assert.Equal(Local(Warsaw, 2026, 3, 29, 3, 30), all.Add(Local(Warsaw, 2026, 3, 29, 1, 30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Between_when_whole_local_day_on_fall_back_is_25_hours()
    {
        var all = RoundTheClock(Warsaw);
        Assert.Equal(TimeSpan.FromHours(25), all.Between(Local(Warsaw, 2026, 10, 25, 0), Local(Warsaw, 2026, 10, 26, 0)));
    }

    [Fact]
    public void Between_when_range_covers_the_skipped_hour_counts_only_real_time()
    {
        // Sunday 00:00-02:15 and 02:30-05:00 local; on 29 Mar 02:00-03:00 does not exist.
        var night = NightShifts(Warsaw);
        var worked = night.Between(Utc(2026, 3, 28, 22), Utc(2026, 3, 29, 6));
        // Saturday 23:30-24:00 CET, Sunday 00:00-02:00 CET, then 03:00-05:00 CEST
        Assert.Equal(TimeSpan.FromMinutes(30 + 120 + 120), worked);
        Assert.Equal(Utc(2026, 3, 29, 1, 1), night.Add(Utc(2026, 3, 29, 0, 59), TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void Between_when_range_covers_the_repeated_hour_counts_it_twice()
    {
        // On 25 Oct 02:00-03:00 happens twice (CEST, then CET): 00:00-02:15 covers 02:00-02:15 twice.
        var night = NightShifts(Warsaw);
        var worked = night.Between(Utc(2026, 10, 24, 21), Utc(2026, 10, 25, 6));
        // Saturday 23:30-24:00 CEST, 00:00-02:15 CEST, 02:00-02:15 CET, 02:30-03:00 CEST, 02:30-05:00 CET
        Assert.Equal(TimeSpan.FromMinutes(30 + 135 + 15 + 30 + 150), worked);
    }

    [Fact]
    public void Add_in_moscow_keeps_offset_across_european_dst_dates()
    {
        // Moscow has no DST: UTC+3 the whole year.
        var due = _moscow.Add(Local(Moscow, 2026, 3, 27, 17), TimeSpan.FromHours(2));
        Assert.Equal(Utc(2026, 3, 30, 7), due);
        Assert.Equal(TimeSpan.FromHours(9), _moscow.Between(Utc(2026, 10, 26, 6), Utc(2026, 10, 26, 15)));
        Assert.Equal(TimeSpan.FromHours(9), _moscow.Between(Utc(2026, 3, 30, 6), Utc(2026, 3, 30, 15)));
    }

    [Fact]
    public void Between_when_end_precedes_start_is_zero()
    {
        Assert.Equal(TimeSpan.Zero, _warsaw.Between(Local(Warsaw, 2026, 11, 24, 12), Local(Warsaw, 2026, 11, 24, 10)));
    }

    [Fact]
    public void Between_over_a_week_counts_five_working_days()
    {
        Assert.Equal(TimeSpan.FromHours(45), _warsaw.Between(Local(Warsaw, 2026, 11, 21, 0), Local(Warsaw, 2026, 11, 28, 0)));
    }

    [Fact]
    public void Add_over_a_long_target_spans_weeks()
    {
        // 40 business hours from Monday 09:00 = Friday 13:00 (4 × 9 h + 4 h).
        Assert.Equal(Local(Warsaw, 2026, 11, 27, 13), _warsaw.Add(Local(Warsaw, 2026, 11, 23, 9), TimeSpan.FromHours(40)));
    }

    [Fact]
    public void IsWorking_distinguishes_hours_weekends_and_holidays()
    {
        Assert.True(_warsaw.IsWorking(Local(Warsaw, 2026, 11, 24, 9)));
        Assert.False(_warsaw.IsWorking(Local(Warsaw, 2026, 11, 24, 18)));
        Assert.False(_warsaw.IsWorking(Local(Warsaw, 2026, 11, 28, 12)));
        Assert.False(_warsaw.IsWorking(Local(Warsaw, 2026, 12, 25, 12)));
    }

    [Fact]
    public void Constructor_when_no_working_hours_throws()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("empty", Warsaw, new Dictionary<DayOfWeek, IReadOnlyList<WorkingRange>>()));
    }
}
