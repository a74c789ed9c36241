using System.Globalization;
using ServiceDesk.Core.Sla.Calendars;

namespace ServiceDesk.Core.Sla;

/// <summary>Durations and due instants as people read them in chat.</summary>
public static class SlaText
{
    /// <summary><c>2h 05m</c>, <c>45m</c>, <c>3d 4h</c> (days of 24 h); negative values as their absolute size.</summary>
    public static string Duration(TimeSpan value)
    {
        var v = value.Duration();
        if (v.TotalDays >= 2)
            return string.Create(CultureInfo.InvariantCulture, $"{(int)v.TotalDays}d {v.Hours}h");
        if (v.TotalHours >= 1)
            return string.Create(CultureInfo.InvariantCulture, $"{(int)v.TotalHours}h {v.Minutes:00}m");
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Max(v.Minutes, v.Ticks > 0 ? 1 : 0)}m");
    }

    /// <summary>The instant in the calendar's time zone: <c>2026-11-23 18:00 (Europe/Warsaw)</c>.</summary>
    public static string Due(DateTimeOffset? due, BusinessCalendar calendar) => Due(due, calendar.TimeZone);

    public static string Due(DateTimeOffset? due, TimeZoneInfo zone) =>
        due is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTime(d, zone):yyyy-MM-dd HH:mm} ({zone.Id})")
            : "-";
}
