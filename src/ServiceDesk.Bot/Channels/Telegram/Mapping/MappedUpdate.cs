using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.Telegram.Mapping;

/// <summary>
/// What an update means to the adapter: a message for the engine, a callback query to answer, a group
/// migration or reachability change to remember, the bot added to a group, or the reason it is ignored.
/// </summary>
public sealed record MappedUpdate
{
    public long UpdateId { get; init; }

    public InboundMessage? Message { get; init; }

    /// <summary>Set for every callback query, even an ignored one: it must be answered.</summary>
    public string? CallbackQueryId { get; init; }

    public ChatMigration? Migration { get; init; }

    /// <summary>A private chat that blocked (false) or unblocked (true) the bot.</summary>
    public (long ChatId, bool Reachable)? Reachability { get; init; }

    /// <summary>The bot became a member or administrator of a group: its id and title, for the operator's log.</summary>
    public (long ChatId, string Title)? AddedToGroup { get; init; }

    public string? IgnoredBecause { get; init; }
}
