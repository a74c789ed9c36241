using System.Globalization;

namespace ServiceDesk.Core.Sla.Calendars;

/// <summary>Non-working local dates: exact dates (<c>2026-12-24</c>) and yearly ones (<c>12-25</c>).</summary>
public sealed class HolidaySet
{
    public static readonly HolidaySet None = new([], []);

    private readonly HashSet<DateOnly> _dates;
    private readonly HashSet<(int Month, int Day)> _yearly;

    public HolidaySet(IEnumerable<DateOnly> dates, IEnumerable<(int Month, int Day)> yearly)
    {
        _dates = [.. dates];
        _yearly = [.. yearly];
    }

    public bool Contains(DateOnly date) => _dates.Contains(date) || (_yearly.Count > 0 && _yearly.Contains((date.Month, date.Day)));

    /// <summary>Parses <c>yyyy-MM-dd</c> (that date) or <c>MM-dd</c> (every year); false with a reason otherwise.</summary>
    public static bool TryParseEntry(string? text, out DateOnly? date, out (int Month, int Day)? yearly, out string error)
    {
        date = null;
        yearly = null;
        error = "";
        var s = (text ?? "").Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        if (DateOnly.TryParseExact("2000-" + s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var y))
        {
            yearly = (y.Month, y.Day);
            return true;
        }
        error = $"'{text}' is not a date (yyyy-MM-dd, or MM-dd for every year)";
        return false;
    }

    public static HolidaySet Parse(IEnumerable<string> entries)
    {
        var dates = new List<DateOnly>();
        var yearly = new List<(int, int)>();
        foreach (var e in entries)
        {
            if (!TryParseEntry(e, out var d, out var y, out var error))
                throw new FormatException(error);
            if (d is { } dd) dates.Add(dd);
            if (y is { } yy) yearly.Add(yy);
        }
        return new HolidaySet(dates, yearly);
    }
}
