using ServiceDesk.Core.Sla.Calendars;

namespace ServiceDesk.Core.Tests.Sla;

/// <summary>Calendars the SLA tests share.</summary>
internal static class TestCalendars
{
    public static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Monday–Friday 09:00–18:00, Christmas (25–26 Dec yearly) and 2026-12-24 off.</summary>
    public static BusinessCalendar Business(TimeZoneInfo zone) =>
        new("business", zone, Weekdays.ToDictionary(d => d, _ => (IReadOnlyList<WorkingRange>)[WorkingRange.Parse("09:00-18:00")]),
            HolidaySet.Parse(["12-25", "12-26", "2026-12-24"]));

    /// <summary>Every local minute of every day, in <paramref name="zone"/>.</summary>
    public static BusinessCalendar RoundTheClock(TimeZoneInfo zone) =>
        new("all-day", zone, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<WorkingRange>)[WorkingRange.WholeDay]));

    /// <summary>Odd hours that straddle the night-time DST changes: lunch breaks, Sunday nights, ranges to midnight.</summary>
    public static BusinessCalendar NightShifts(TimeZoneInfo zone) =>
        new("night", zone, new Dictionary<DayOfWeek, IReadOnlyList<WorkingRange>>
        {
            [DayOfWeek.Monday] = [WorkingRange.Parse("08:00-12:00"), WorkingRange.Parse("13:00-17:30")],
            [DayOfWeek.Wednesday] = [WorkingRange.Parse("22:00-24:00")],
            [DayOfWeek.Saturday] = [WorkingRange.Parse("23:30-24:00")],
            [DayOfWeek.Sunday] = [WorkingRange.Parse("00:00-02:15"), WorkingRange.Parse("02:30-05:00"), WorkingRange.Parse("20:00-21:00")],
        }, HolidaySet.Parse(["2026-03-30"]));

    /// <summary>A local wall-clock time in <paramref name="zone"/> as an instant (the earlier one when ambiguous).</summary>
    public static DateTimeOffset Local(TimeZoneInfo zone, int y, int mo, int d, int h, int mi = 0)
    {
        var local = new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Unspecified);
        var offsets = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offsets);
    }

    public static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);
}
