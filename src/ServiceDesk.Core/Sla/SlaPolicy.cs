using ServiceDesk.Core.Sla.Calendars;

namespace ServiceDesk.Core.Sla;

/// <summary>The targets of one priority, measured on its calendar.</summary>
public sealed record SlaPolicy(string Priority, TimeSpan FirstResponse, TimeSpan Resolution, BusinessCalendar Calendar)
{
    public TimeSpan TargetFor(SlaTargetKind kind) => kind == SlaTargetKind.FirstResponse ? FirstResponse : Resolution;
}
