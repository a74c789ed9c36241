namespace ServiceDesk.Core.Storage;

/// <summary>An inbound message id already handled; a redelivery with the same id is ignored.</summary>
public sealed class ProcessedMessage
{
    public required string Channel { get; set; }

    public required string MessageId { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
