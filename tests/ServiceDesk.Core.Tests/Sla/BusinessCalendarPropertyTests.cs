using FsCheck;
using FsCheck.Fluent;
using ServiceDesk.Core.Sla.Calendars;
using static ServiceDesk.Core.Tests.Sla.TestCalendars;

namespace ServiceDesk.Core.Tests.Sla;

/// <summary>The interval arithmetic against a minute-by-minute reference that asks "is this minute working?".</summary>
public class BusinessCalendarPropertyTests
{
    private static readonly BusinessCalendar[] Calendars =
    [
        Business(Warsaw), NightShifts(Warsaw), RoundTheClock(Warsaw), Business(Moscow), NightShifts(Moscow),
    ];

    // Starts near the 2026/2027 DST changes (and the Christmas holidays) or anywhere in 2026–2027.
    private static readonly DateTimeOffset[] Anchors =
    [
        Utc(2026, 3, 27, 0), Utc(2026, 10, 23, 0), Utc(2027, 3, 26, 0), Utc(2027, 10, 29, 0), Utc(2026, 12, 22, 0),
    ];

    private static readonly Gen<(int Calendar, DateTimeOffset Start, int Minutes)> Cases =
        from calendar in Gen.Choose(0, Calendars.Length - 1)
        from anchored in Gen.Elements(true, false)
        from anchor in Gen.Elements(Anchors)
        from offset in Gen.Choose(0, anchored ? 4 * 24 * 60 : 2 * 365 * 24 * 60)
        from minutes in Gen.Choose(0, 7 * 24 * 60)
        select (calendar, (anchored ? anchor : Utc(2026, 1, 1, 0)).AddMinutes(offset), minutes);

    [Fact]
    public void Between_equals_minute_by_minute_count()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var calendar = Calendars[c.Calendar];
            var end = c.Start.AddMinutes(c.Minutes);
            return calendar.Between(c.Start, end) == TimeSpan.FromMinutes(ReferenceWorkingMinutes(calendar, c.Start, end));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Add_equals_minute_by_minute_walk()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var calendar = Calendars[c.Calendar];
            var target = TimeSpan.FromMinutes(c.Minutes % (3 * 24 * 60));
            var due = calendar.Add(c.Start, target);
            return due == ReferenceAdd(calendar, c.Start, (int)target.TotalMinutes)
                && calendar.Between(c.Start, due) == target;
        }).QuickCheckThrowOnFailure();
    }

    private static int ReferenceWorkingMinutes(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var n = 0;
        for (var m = from; m < to; m = m.AddMinutes(1))
            n += IsWorkingMinute(calendar, m) ? 1 : 0;
        return n;
    }

    private static DateTimeOffset ReferenceAdd(BusinessCalendar calendar, DateTimeOffset from, int minutes)
    {
        var m = from;
        for (var left = minutes; left > 0; m = m.AddMinutes(1))
            left -= IsWorkingMinute(calendar, m) ? 1 : 0;
        return m;
    }

    /// <summary>The definition, independent of the implementation: local date not a holiday, local time inside a range.</summary>
    private static bool IsWorkingMinute(BusinessCalendar calendar, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).DateTime;
        if (calendar.IsHoliday(DateOnly.FromDateTime(local)))
            return false;
        var t = local.TimeOfDay;
        return calendar.RangesOn(local.DayOfWeek).Any(r => t >= r.Start && t < r.End);
    }
}
