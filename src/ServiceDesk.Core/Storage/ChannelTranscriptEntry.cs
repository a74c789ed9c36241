namespace ServiceDesk.Core.Storage;

/// <summary>
/// An append-only, per-conversation log a channel adapter may keep (Direct Line activities with their watermark).
/// <see cref="Sequence"/> grows by one per conversation.
/// </summary>
public sealed class ChannelTranscriptEntry
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string ConversationId { get; set; }

    public long Sequence { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
