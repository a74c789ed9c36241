namespace ServiceDesk.Core.Conversations;

/// <summary>
/// One message from a person, channel-neutral. Channel adapters map platform payloads to this
/// and hand it to the conversation engine; nothing platform-specific goes past this type.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>Channel name: <c>web</c>, <c>telegram</c>, <c>slack</c>, <c>msteams</c>, <c>test</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>Where the message was written (chat id, channel id, Direct Line conversation id).</summary>
    public required string ConversationId { get; init; }

    /// <summary>The sender's id on that channel; with <see cref="Channel"/> it forms the identity <c>channel:id</c>.</summary>
    public required string SenderId { get; init; }

    /// <summary>Unique per channel; a redelivered message with the same id is not processed twice.</summary>
    public required string MessageId { get; init; }

    public string? SenderName { get; init; }

    /// <summary>Typed text (commands and free text). Null for a pure button press.</summary>
    public string? Text { get; init; }

    /// <summary>The value of a pressed button: a command (<c>claim SD-12</c>) or a dialog answer.</summary>
    public string? Action { get; init; }

    /// <summary>The channel's locale for the sender (<c>ru</c>, <c>pl-PL</c>), if it says.</summary>
    public string? Locale { get; init; }

    /// <summary>True for a one-to-one chat with the bot; false for groups and team channels.</summary>
    public bool IsPrivate { get; init; } = true;

    /// <summary>The thread inside a group conversation (forum topic, reply-to card, Slack thread_ts).</summary>
    public string? ThreadId { get; init; }

    public IReadOnlyList<AttachmentReference> Attachments { get; init; } = [];

    public ConversationAddress ReplyAddress => new(Channel, ConversationId, ThreadId);

    public string SenderIdentity => $"{Channel}:{SenderId}";
}
