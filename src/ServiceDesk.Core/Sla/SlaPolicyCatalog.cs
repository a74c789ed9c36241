using Microsoft.Extensions.Options;
using ServiceDesk.Core.Sla.Calendars;

namespace ServiceDesk.Core.Sla;

/// <summary>The validated SLA configuration as ready-to-use policies and calendars.</summary>
public sealed class SlaPolicyCatalog
{
    private readonly Dictionary<string, SlaPolicy> _policies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, BusinessCalendar> _calendars = new(StringComparer.OrdinalIgnoreCase);

    public SlaPolicyCatalog(IOptions<SlaOptions> options)
        : this(options.Value)
    {
    }

    public SlaPolicyCatalog(SlaOptions options)
    {
        SlaDefaults.Apply(options);
        var errors = SlaOptionsValidator.Check(options);
        if (errors.Count > 0)
            throw new OptionsValidationException(SlaOptions.SectionName, typeof(SlaOptions), errors);

        foreach (var (name, c) in options.Calendars)
            _calendars[name] = BuildCalendar(name, c);
        foreach (var (priority, p) in options.Policies)
            _policies[priority] = new SlaPolicy(priority.ToUpperInvariant(), p.FirstResponse!.Value, p.Resolution!.Value, _calendars[p.Calendar!]);
        WarnAt = [.. options.WarnAt!.Distinct().Order()];
        L1TimeBox = options.L1TimeBox;
        AutoEscalate = options.AutoEscalate;
    }

    public IReadOnlyList<double> WarnAt { get; }

    public TimeSpan L1TimeBox { get; }

    public bool AutoEscalate { get; }

    /// <summary>The policy of a priority (<c>P1</c>..<c>P4</c>).</summary>
    public SlaPolicy For(string priority) =>
        _policies.TryGetValue(priority, out var p) ? p : throw new ArgumentException($"No SLA policy for priority '{priority}'", nameof(priority));

    public BusinessCalendar Calendar(string name) =>
        _calendars.TryGetValue(name, out var c) ? c : throw new ArgumentException($"No SLA calendar '{name}'", nameof(name));

    private static BusinessCalendar BuildCalendar(string name, SlaCalendarOptions c)
    {
        var hours = new Dictionary<DayOfWeek, IReadOnlyList<WorkingRange>>();
        foreach (var (day, ranges) in c.WorkingHours!)
            hours[Enum.Parse<DayOfWeek>(day, ignoreCase: true)] = ranges.Select(WorkingRange.Parse).ToList();
        return new BusinessCalendar(name, TimeZoneInfo.FindSystemTimeZoneById(c.TimeZone!), hours, HolidaySet.Parse(c.Holidays!));
    }
}
