namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>The fields of a Bot API Message that the adapter reads or the fake server writes.</summary>
public sealed record Message
{
    public long MessageId { get; init; }

    /// <summary>Unix seconds; 0 marks an inaccessible (too old or deleted) message in a callback query.</summary>
    public long Date { get; init; }

    public required Chat Chat { get; init; }

    public User? From { get; init; }

    public long? MessageThreadId { get; init; }

    public bool? IsTopicMessage { get; init; }

    public Message? ReplyToMessage { get; init; }

    public long? EditDate { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<MessageEntity>? Entities { get; init; }

    public string? Caption { get; init; }

    public IReadOnlyList<MessageEntity>? CaptionEntities { get; init; }

    public IReadOnlyList<PhotoSize>? Photo { get; init; }

    public Document? Document { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    /// <summary>Service message: this group was upgraded to the supergroup with this id.</summary>
    public long? MigrateToChatId { get; init; }

    /// <summary>Service message in the new supergroup: it was upgraded from the group with this id.</summary>
    public long? MigrateFromChatId { get; init; }
}
