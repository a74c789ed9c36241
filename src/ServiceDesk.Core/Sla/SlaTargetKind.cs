namespace ServiceDesk.Core.Sla;

/// <summary>The two promises made for a ticket.</summary>
public enum SlaTargetKind
{
    FirstResponse,
    Resolution,
}
