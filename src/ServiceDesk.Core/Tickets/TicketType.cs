namespace ServiceDesk.Core.Tickets;

/// <summary>Incident: something is broken. Service request: please give me / install / reset.</summary>
public enum TicketType
{
    Incident,
    ServiceRequest,
}
