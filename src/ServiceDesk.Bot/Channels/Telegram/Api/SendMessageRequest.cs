namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record SendMessageRequest
{
    public long ChatId { get; init; }

    public required string Text { get; init; }

    public string? ParseMode { get; init; }

    public long? MessageThreadId { get; init; }

    public ReplyParameters? ReplyParameters { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    public LinkPreviewOptions? LinkPreviewOptions { get; init; }
}
