namespace ServiceDesk.Core.Conversations;

/// <summary>Where an outbound message goes: a channel, a conversation on it, optionally a thread.</summary>
public sealed record ConversationAddress(string Channel, string ConversationId, string? ThreadId = null)
{
    /// <summary>Parses <c>channel:conversation-id</c> (as used in configuration for team channels).</summary>
    public static ConversationAddress Parse(string value)
    {
        var i = value.IndexOf(':');
        if (i <= 0 || i == value.Length - 1)
            throw new FormatException($"'{value}' is not a channel address of the form channel:conversation-id");
        return new ConversationAddress(value[..i], value[(i + 1)..]);
    }

    public override string ToString() => ThreadId is null ? $"{Channel}:{ConversationId}" : $"{Channel}:{ConversationId}#{ThreadId}";
}
