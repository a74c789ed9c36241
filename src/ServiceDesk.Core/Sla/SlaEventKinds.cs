namespace ServiceDesk.Core.Sla;

/// <summary>History entries the SLA monitor adds to tickets (internal: never shown to the requester).</summary>
public static class SlaEventKinds
{
    public const string Breached = "sla_breached";
    public const string EscalatedToLead = "sla_escalated_to_lead";
    public const string L1TimeBox = "sla_l1_timebox";
    public const string KeptInL1 = "sla_kept_in_l1";
}
