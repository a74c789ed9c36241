using System.Globalization;

namespace ServiceDesk.Core.Sla.Calendars;

/// <summary>
/// One stretch of working time within a local day, <c>[Start, End)</c> measured from local midnight.
/// <see cref="End"/> may be 24:00 (a range that runs to the end of the day).
/// </summary>
public readonly record struct WorkingRange(TimeSpan Start, TimeSpan End)
{
    public static readonly WorkingRange WholeDay = new(TimeSpan.Zero, TimeSpan.FromHours(24));

    /// <summary>Parses <c>HH:mm-HH:mm</c> (end may be <c>24:00</c>). Returns false with a reason for bad input.</summary>
    public static bool TryParse(string? text, out WorkingRange range, out string error)
    {
        range = default;
        error = "";
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end))
        {
            error = $"'{text}' is not a working-hour range of the form HH:mm-HH:mm";
            return false;
        }
        if (end <= start)
        {
            error = $"'{text}' ends before it starts";
            return false;
        }
        range = new WorkingRange(start, end);
        return true;
    }

    public static WorkingRange Parse(string text) =>
        TryParse(text, out var range, out var error) ? range : throw new FormatException(error);

    public bool Overlaps(WorkingRange other) => Start < other.End && other.Start < End;

    public override string ToString() => $"{Start:hh\\:mm}-{(End.TotalHours >= 24 ? "24:00" : End.ToString("hh\\:mm", CultureInfo.InvariantCulture))}";

    private static bool TryParseTime(string s, out TimeSpan value)
    {
        value = default;
        if (s == "24:00")
        {
            value = TimeSpan.FromHours(24);
            return true;
        }
        if (!TimeOnly.TryParseExact(s, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            return false;
        value = t.ToTimeSpan();
        return true;
    }
}
