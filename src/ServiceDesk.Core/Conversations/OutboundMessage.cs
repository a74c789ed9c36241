namespace ServiceDesk.Core.Conversations;

/// <summary>
/// A message the service sends. Text is plain (adapters escape it for their markup);
/// buttons carry the command or answer that pressing them sends back as <see cref="InboundMessage.Action"/>.
/// </summary>
public sealed record OutboundMessage
{
    public required ConversationAddress To { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<MessageButton> Buttons { get; init; } = [];

    /// <summary>Set when the message is a ticket card: adapters may render it richly and thread replies under it.</summary>
    public TicketCard? Card { get; init; }

    /// <summary>
    /// When set, a later message with the same key replaces the earlier one in place (a ticket card whose
    /// status changed) on channels that can edit; others post it anew.
    /// </summary>
    public string? ReplaceKey { get; init; }

    /// <summary>The ticket this message is about, if any (threading, relays).</summary>
    public string? TicketKey { get; init; }
}
