namespace ServiceDesk.Core.Tickets;

/// <summary>The SLA targets of a ticket as the requester is told them ("first response by …, resolution by …").</summary>
public interface ISlaPreview
{
    /// <summary>The due instants for the ticket's priority from its creation time, and the time zone of its calendar; null when no policy applies.</summary>
    (DateTimeOffset FirstResponse, DateTimeOffset Resolution, TimeZoneInfo Zone)? Targets(Ticket ticket);
}
