namespace ServiceDesk.Core.Tickets;

/// <summary>Impact or urgency on the ITIL three-point scale.</summary>
public enum Level
{
    High,
    Medium,
    Low,
}
