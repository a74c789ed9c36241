namespace ServiceDesk.Core.Sla;

/// <summary>
/// Configuration section <c>Sla</c>. Anything left out gets a default (see <see cref="SlaDefaults"/>):
/// P1 15 min / 4 h on the built-in <c>24x7</c> calendar; P2 30 min / 8 h, P3 2 h / 24 h and P4 8 h / 40 h of
/// business time on the <c>business</c> calendar (Monday–Friday 09:00–18:00, time zone UTC unless
/// <c>Sla:Calendars:business:TimeZone</c> says otherwise); warnings at 50% and 75%; L1 time box 20 minutes.
/// </summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>Per priority (<c>P1</c>..<c>P4</c>).</summary>
    public Dictionary<string, SlaPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Business calendars by name; policies refer to them by name.</summary>
    public Dictionary<string, SlaCalendarOptions> Calendars { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fractions of a target at which the assignee is warned, each in (0, 1). Default 0.5 and 0.75.</summary>
    public double[]? WarnAt { get; set; }

    /// <summary>How long a ticket may stay with the first line before escalation to L2 is offered.</summary>
    public TimeSpan L1TimeBox { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>When true, L1 tickets past the time box are escalated to L2 instead of offered.</summary>
    public bool AutoEscalate { get; set; }
}

/// <summary><c>Sla:Policies:Pn</c>: the targets of one priority.</summary>
public sealed class SlaPolicyOptions
{
    /// <summary>Business time until the first public reply or claim.</summary>
    public TimeSpan? FirstResponse { get; set; }

    /// <summary>Business time until the ticket is resolved (time waiting for the user does not count).</summary>
    public TimeSpan? Resolution { get; set; }

    /// <summary>The name of a calendar in <c>Sla:Calendars</c>.</summary>
    public string? Calendar { get; set; }
}

/// <summary><c>Sla:Calendars:name</c>: working hours in a time zone, minus holidays.</summary>
public sealed class SlaCalendarOptions
{
    /// <summary>IANA time zone id, e.g. <c>Europe/Warsaw</c>. Default UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Day name (<c>Monday</c>..<c>Sunday</c>) → ranges <c>HH:mm-HH:mm</c> (end may be <c>24:00</c>). Default Monday–Friday 09:00-18:00.</summary>
    public Dictionary<string, string[]>? WorkingHours { get; set; }

    /// <summary>Local dates without working time: <c>yyyy-MM-dd</c>, or <c>MM-dd</c> for every year.</summary>
    public string[]? Holidays { get; set; }
}
