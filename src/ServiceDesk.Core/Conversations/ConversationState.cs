namespace ServiceDesk.Core.Conversations;

/// <summary>
/// Where one person stands in one conversation: the running dialog and step and what it has gathered so far.
/// Persisted after every turn, so a restart continues where it stood.
/// </summary>
public sealed class ConversationState
{
    /// <summary><c>channel:conversation:sender</c>.</summary>
    public required string Id { get; set; }

    public required string Channel { get; set; }

    public required string ConversationId { get; set; }

    public required string PersonId { get; set; }

    public string? Language { get; set; }

    public string? Dialog { get; set; }

    public string? Step { get; set; }

    /// <summary>The dialog's gathered answers as a JSON object.</summary>
    public string Data { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Raised by every save: two turns of one conversation that overlap (a double click, two browser tabs) cannot both
    /// write the state they read; the later one runs again on the state the earlier one left.
    /// </summary>
    public int Version { get; set; }

    public static string KeyOf(string channel, string conversationId, string senderId) => $"{channel}:{conversationId}:{senderId}";
}
