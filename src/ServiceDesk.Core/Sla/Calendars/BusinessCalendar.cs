namespace ServiceDesk.Core.Sla.Calendars;

/// <summary>
/// Working time in one IANA time zone: working ranges per weekday (several per day allowed) and holidays.
/// An instant is working time when its local wall-clock time falls in a range of its local date and that
/// date is not a holiday — so a DST spring-forward day is an hour shorter and a fall-back day an hour longer
/// when the ranges cover the changed hour, and ranges starting inside a skipped hour start when it ends.
/// Arithmetic walks working intervals (a few per day), never minutes.
/// </summary>
public sealed class BusinessCalendar
{
    private static readonly TimeSpan MaxSearch = TimeSpan.FromDays(3660);

    private readonly WorkingRange[][] _rangesByDay;
    private readonly HolidaySet _holidays;

    public BusinessCalendar(
        string name,
        TimeZoneInfo timeZone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingRange>> workingHours,
        HolidaySet? holidays = null)
    {
        Name = name;
        TimeZone = timeZone;
        _holidays = holidays ?? HolidaySet.None;
        _rangesByDay = new WorkingRange[7][];
        for (var d = 0; d < 7; d++)
        {
            _rangesByDay[d] = workingHours.TryGetValue((DayOfWeek)d, out var r)
                ? r.OrderBy(x => x.Start).ToArray()
                : [];
        }
        if (_rangesByDay.All(r => r.Length == 0))
            throw new ArgumentException($"Calendar '{name}' has no working hours", nameof(workingHours));
    }

    public string Name { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Round the clock, every day, no holidays.</summary>
    public static BusinessCalendar AlwaysOpen(string name = "24x7") =>
        new(name, TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<WorkingRange>)[WorkingRange.WholeDay]));

    public bool IsHoliday(DateOnly localDate) => _holidays.Contains(localDate);

    public IReadOnlyList<WorkingRange> RangesOn(DayOfWeek day) => _rangesByDay[(int)day];

    /// <summary>The instant at which <paramref name="businessTime"/> of working time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        if (businessTime <= TimeSpan.Zero)
            return start;
        var remaining = businessTime.Ticks;
        foreach (var (from, to) in IntervalsFrom(start.UtcTicks))
        {
            var length = to - from;
            if (remaining <= length)
                return new DateTimeOffset(from + remaining, TimeSpan.Zero);
            remaining -= length;
        }
        throw new InvalidOperationException($"Calendar '{Name}' has no working time within {MaxSearch.TotalDays:0} days after {start:O}");
    }

    /// <summary>Working time in <c>[from, to)</c>; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var end = to.UtcTicks;
        if (end <= from.UtcTicks)
            return TimeSpan.Zero;
        long total = 0;
        foreach (var (a, b) in IntervalsFrom(from.UtcTicks))
        {
            if (a >= end)
                break;
            total += Math.Min(b, end) - a;
            if (b >= end)
                break;
        }
        return TimeSpan.FromTicks(total);
    }

    /// <summary>True when <paramref name="instant"/> is working time.</summary>
    public bool IsWorking(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (_holidays.Contains(date))
            return false;
        var t = local.TimeOfDay;
        foreach (var r in _rangesByDay[(int)local.DayOfWeek])
        {
            if (t >= r.Start && t < r.End)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Working intervals <c>[from, to)</c> in UTC ticks, in time order, clipped to start at <paramref name="startUtc"/>.
    /// Walks periods of constant UTC offset; within one, local time is UTC plus the offset, so each local range
    /// maps to one UTC interval.
    /// </summary>
    internal IEnumerable<(long From, long To)> IntervalsFrom(long startUtc)
    {
        var limit = startUtc + MaxSearch.Ticks;
        var u = startUtc;
        while (u < limit)
        {
            var offset = OffsetAt(u);
            var periodEnd = OffsetPeriodEnd(u, offset);
            var localFrom = u + offset;
            var localTo = periodEnd + offset;
            for (var day = localFrom - localFrom % TimeSpan.TicksPerDay; day < localTo; day += TimeSpan.TicksPerDay)
            {
                var date = new DateTime(day, DateTimeKind.Unspecified);
                if (_holidays.Contains(DateOnly.FromDateTime(date)))
                    continue;
                foreach (var r in _rangesByDay[(int)date.DayOfWeek])
                {
                    var a = Math.Max(day + r.Start.Ticks, localFrom);
                    var b = Math.Min(day + r.End.Ticks, localTo);
                    if (a < b)
                        yield return (a - offset, b - offset);
                }
            }
            u = periodEnd;
        }
    }

    private long OffsetAt(long utcTicks) =>
        TimeZone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    /// <summary>
    /// The first instant after <paramref name="u"/> (within a week) whose UTC offset differs, found by bisection
    /// to the tick; <c>u + 7 days</c> when the offset is the same then (zones do not change twice within a week).
    /// </summary>
    private long OffsetPeriodEnd(long u, long offset)
    {
        var hi = u + TimeSpan.TicksPerDay * 7;
        if (OffsetAt(hi) == offset)
            return hi;
        var lo = u; // invariant: offset(lo) == offset, offset(hi) != offset
        while (hi - lo > 1)
        {
            var mid = lo + (hi - lo) / 2;
            if (OffsetAt(mid) == offset)
                lo = mid;
            else
                hi = mid;
        }
        return hi;
    }
}
