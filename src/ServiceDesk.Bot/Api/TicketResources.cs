using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Bot.Api;

/// <summary>A ticket in API answers.</summary>
public sealed record TicketResource(
    string Key, string Title, TicketType Type, TicketStatus Status, Priority Priority, Level Impact, Level Urgency, SupportLine Line,
    string? Category, string RequesterId, string RequesterName, string? AssigneeId, string? AssigneeName, string OriginChannel,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FirstResponseAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt,
    string? Resolution, int? CsatScore)
{
    public static TicketResource From(Ticket t) => new(t.Key, t.Title, t.Type, t.Status, t.Priority, t.Impact, t.Urgency, t.Line, t.Category,
        t.RequesterId, t.RequesterName, t.AssigneeId, t.AssigneeName, t.OriginChannel, t.CreatedAt, t.UpdatedAt, t.FirstResponseAt,
        t.ResolvedAt, t.ClosedAt, t.Resolution, t.CsatScore);
}

/// <summary>A ticket with its description, details and whole history.</summary>
public sealed record TicketDetailResource(TicketResource Ticket, string Description, string? Details, IReadOnlyList<TicketEventResource> History);

public sealed record TicketEventResource(DateTimeOffset At, string Kind, string ActorId, string ActorName, string Channel,
    TicketStatus? FromStatus, TicketStatus? ToStatus, string? Text, Visibility Visibility)
{
    public static TicketEventResource From(TicketEvent e) => new(e.At, e.Kind, e.ActorId, e.ActorName, e.Channel, e.FromStatus, e.ToStatus, e.Text, e.Visibility);
}

public sealed record TicketPage(IReadOnlyList<TicketResource> Items, int Total, int Offset, int Limit);

/// <summary>A ticket from an integration (a monitoring alert). Impact and urgency default to medium; the requester is an identity (<c>channel:id</c>) or omitted.</summary>
public sealed record CreateTicketRequest(
    string? Title,
    string? Description,
    TicketType? Type,
    string? Category,
    Level? Impact,
    Level? Urgency,
    SupportLine? Line,
    string? Requester,
    string? Language);
