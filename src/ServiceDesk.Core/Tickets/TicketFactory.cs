using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tickets;

/// <summary>Opens tickets: the next number and key, the priority from the matrix, the first history entry.</summary>
public static class TicketFactory
{
    public static async Task<Ticket> OpenAsync(ServiceDeskDbContext db, TicketNumbers numbers, string prefix, TicketDraft draft, Actor requester, DateTimeOffset now, CancellationToken ct)
    {
        var number = await numbers.NextAsync(db, ct);
        var ticket = new Ticket
        {
            Number = number,
            Key = TicketKey.Format(prefix, number),
            Type = draft.Type,
            Title = Shorten(draft.Title, 200),
            Description = draft.Description,
            Category = draft.Category,
            Impact = draft.Impact,
            Urgency = draft.Urgency,
            Priority = PriorityMatrix.For(draft.Impact, draft.Urgency),
            Line = draft.Line,
            RequesterId = requester.Id,
            RequesterName = requester.Name,
            OriginChannel = draft.OriginChannel,
            OriginConversationId = draft.OriginConversationId,
            Language = draft.Language,
            Details = draft.Details,
        };
        ticket.RecordCreated(requester, now);
        db.Tickets.Add(ticket);
        return ticket;
    }

    /// <summary>A title from the first line of a description, cut at a word boundary.</summary>
    public static string Shorten(string text, int max)
    {
        var line = text.Split('\n', 2)[0].Trim();
        if (line.Length <= max) return line;
        var cut = line.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? line[..cut] : line[..(max - 1)]) + "…";
    }
}

/// <summary>What the intake gathered for a new ticket.</summary>
public sealed record TicketDraft(
    string Title,
    string Description,
    TicketType Type,
    string? Category,
    Level Impact,
    Level Urgency,
    SupportLine Line,
    string OriginChannel,
    string OriginConversationId,
    string Language,
    string? Details = null);
