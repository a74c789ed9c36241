using Microsoft.Extensions.Options;
using ServiceDesk.Core.Sla.Calendars;

namespace ServiceDesk.Core.Sla;

/// <summary>Rejects bad <c>Sla</c> configuration at startup; every message names the setting's path.</summary>
public sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Check(SlaOptions options)
    {
        var errors = new List<string>();
        var calendars = options.Calendars ?? [];
        foreach (var (priority, policy) in options.Policies ?? [])
        {
            var path = $"Sla:Policies:{priority}";
            if (!SlaDefaults.Priorities.Contains(priority, StringComparer.OrdinalIgnoreCase))
                errors.Add($"{path} is not a priority (use P1, P2, P3 or P4)");
            CheckPositive(errors, $"{path}:FirstResponse", policy.FirstResponse);
            CheckPositive(errors, $"{path}:Resolution", policy.Resolution);
            if (string.IsNullOrWhiteSpace(policy.Calendar) || !calendars.Keys.Any(k => k.Equals(policy.Calendar, StringComparison.OrdinalIgnoreCase)))
                errors.Add($"{path}:Calendar '{policy.Calendar}' is not a calendar defined under Sla:Calendars (known: {string.Join(", ", calendars.Keys)})");
        }

        foreach (var (calendarName, calendar) in calendars)
            CheckCalendar(errors, $"Sla:Calendars:{calendarName}", calendar);

        var warnAt = options.WarnAt ?? [];
        for (var i = 0; i < warnAt.Length; i++)
        {
            if (!(warnAt[i] > 0 && warnAt[i] < 1))
                errors.Add($"Sla:WarnAt:{i} {warnAt[i]} must be a fraction between 0 and 1 (exclusive)");
        }
        CheckPositive(errors, "Sla:L1TimeBox", options.L1TimeBox);
        return errors;
    }

    private static void CheckPositive(List<string> errors, string path, TimeSpan? value)
    {
        if (value is not { } v || v <= TimeSpan.Zero)
            errors.Add($"{path} must be a positive duration (e.g. 00:30:00), not '{value}'");
    }

    private static void CheckCalendar(List<string> errors, string path, SlaCalendarOptions calendar)
    {
        if (string.IsNullOrWhiteSpace(calendar.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZone, out _))
            errors.Add($"{path}:TimeZone '{calendar.TimeZone}' is not a known IANA time zone");

        var anyRange = false;
        foreach (var (day, ranges) in calendar.WorkingHours ?? [])
        {
            var dayPath = $"{path}:WorkingHours:{day}";
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out _) || int.TryParse(day, out _))
            {
                errors.Add($"{dayPath} is not a day of the week (Monday..Sunday)");
                continue;
            }
            var parsed = new List<WorkingRange>();
            for (var i = 0; i < (ranges ?? []).Length; i++)
            {
                if (WorkingRange.TryParse(ranges![i], out var range, out var error))
                    parsed.Add(range);
                else
                    errors.Add($"{dayPath}:{i} {error}");
            }
            anyRange |= parsed.Count > 0;
            var ordered = parsed.OrderBy(r => r.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].Overlaps(ordered[i]))
                    errors.Add($"{dayPath} ranges '{ordered[i - 1]}' and '{ordered[i]}' overlap");
            }
        }
        if (!anyRange)
            errors.Add($"{path}:WorkingHours has no working time on any day");

        var holidays = calendar.Holidays ?? [];
        for (var i = 0; i < holidays.Length; i++)
        {
            if (!HolidaySet.TryParseEntry(holidays[i], out _, out _, out var error))
                errors.Add($"{path}:Holidays:{i} {error}");
        }
    }
}
