namespace ServiceDesk.Core.Conversations;

/// <summary>The structured content of a ticket card, for channels that render cards (Adaptive Cards, Block Kit).</summary>
public sealed record TicketCard(
    string Key,
    string Title,
    string Status,
    string Priority,
    string Line,
    string? Assignee,
    string Requester,
    string? SlaText);
