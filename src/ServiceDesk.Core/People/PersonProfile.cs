namespace ServiceDesk.Core.People;

/// <summary>What the desk remembers about a person: language, where to reach them privately, whether they can be reached.</summary>
public sealed class PersonProfile
{
    public required string PersonId { get; set; }

    public string? Language { get; set; }

    public string? PrivateChannel { get; set; }

    public string? PrivateConversationId { get; set; }

    /// <summary>Set when a channel said the person blocked the bot; cleared when they write again.</summary>
    public bool Unreachable { get; set; }

    /// <summary>When the profile last changed (not when the person last wrote).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
