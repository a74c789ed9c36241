using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

/// <summary>The targets a new ticket gets from its priority's policy, for telling the requester at creation.</summary>
public sealed class SlaPreview(SlaClock clock, SlaPolicyCatalog policies) : ISlaPreview
{
    public (DateTimeOffset FirstResponse, DateTimeOffset Resolution, TimeZoneInfo Zone)? Targets(Ticket ticket)
    {
        var state = clock.Start(ticket.Priority.ToString(), ticket.CreatedAt);
        return state.FirstResponse.DueAt is { } response && state.Resolution.DueAt is { } resolution
            ? (response, resolution, policies.For(ticket.Priority.ToString()).Calendar.TimeZone)
            : null;
    }
}
