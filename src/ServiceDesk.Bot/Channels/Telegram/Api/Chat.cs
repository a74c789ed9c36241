namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>A chat. Ids can exceed 32 bits; groups and supergroups have negative ids.</summary>
public sealed record Chat
{
    public long Id { get; init; }

    /// <summary><c>private</c>, <c>group</c>, <c>supergroup</c> or <c>channel</c>.</summary>
    public string Type { get; init; } = "private";

    public string? Title { get; init; }

    public string? Username { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public bool? IsForum { get; init; }
}
