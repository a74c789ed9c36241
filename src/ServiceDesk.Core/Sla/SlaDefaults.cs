using Microsoft.Extensions.Options;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// Fills in what configuration left out (after binding, before validation). Defaults are applied here and
/// not as property initializers because the configuration binder appends to pre-filled arrays.
/// </summary>
public sealed class SlaDefaults : IPostConfigureOptions<SlaOptions>
{
    public const string AlwaysOpenCalendar = "24x7";
    public const string BusinessCalendar = "business";
    public const string DefaultTimeZone = "UTC";

    public static readonly IReadOnlyList<string> Priorities = ["P1", "P2", "P3", "P4"];

    private static readonly Dictionary<string, (TimeSpan FirstResponse, TimeSpan Resolution, string Calendar)> PolicyDefaults =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["P1"] = (TimeSpan.FromMinutes(15), TimeSpan.FromHours(4), AlwaysOpenCalendar),
            ["P2"] = (TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), BusinessCalendar),
            ["P3"] = (TimeSpan.FromHours(2), TimeSpan.FromHours(24), BusinessCalendar),
            ["P4"] = (TimeSpan.FromHours(8), TimeSpan.FromHours(40), BusinessCalendar),
        };

    public void PostConfigure(string? name, SlaOptions options) => Apply(options);

    public static SlaOptions Apply(SlaOptions options)
    {
        options.Policies ??= new(StringComparer.OrdinalIgnoreCase);
        options.Calendars ??= new(StringComparer.OrdinalIgnoreCase);
        options.WarnAt ??= [0.5, 0.75];

        foreach (var (priority, d) in PolicyDefaults)
        {
            var key = options.Policies.Keys.FirstOrDefault(k => k.Equals(priority, StringComparison.OrdinalIgnoreCase));
            var policy = key is null ? options.Policies[priority] = new SlaPolicyOptions() : options.Policies[key];
            policy.FirstResponse ??= d.FirstResponse;
            policy.Resolution ??= d.Resolution;
            policy.Calendar ??= d.Calendar;
        }

        Ensure(options, AlwaysOpenCalendar);
        Ensure(options, BusinessCalendar);
        foreach (var (calendarName, calendar) in options.Calendars)
        {
            calendar.TimeZone ??= DefaultTimeZone;
            calendar.Holidays ??= [];
            calendar.WorkingHours ??= calendarName.Equals(AlwaysOpenCalendar, StringComparison.OrdinalIgnoreCase)
                ? Enum.GetNames<DayOfWeek>().ToDictionary(d => d, _ => new[] { "00:00-24:00" })
                : new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.ToDictionary(d => d, _ => new[] { "09:00-18:00" });
        }
        return options;
    }

    private static void Ensure(SlaOptions options, string calendarName)
    {
        if (!options.Calendars.Keys.Any(k => k.Equals(calendarName, StringComparison.OrdinalIgnoreCase)))
            options.Calendars[calendarName] = new SlaCalendarOptions();
    }
}
