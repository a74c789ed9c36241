namespace ServiceDesk.Core.Tickets;

/// <summary>A file attached to a ticket, kept as a reference to where its channel stores it.</summary>
public sealed class TicketAttachment
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public required string Channel { get; set; }

    public required string FileId { get; set; }

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public long? Size { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public required string AddedBy { get; set; }
}
