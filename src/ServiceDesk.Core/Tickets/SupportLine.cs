namespace ServiceDesk.Core.Tickets;

/// <summary>The support line a ticket sits with: L1 (service desk), L2 (engineers), L3 (lead specialists).</summary>
public enum SupportLine
{
    L1 = 1,
    L2 = 2,
    L3 = 3,
}
