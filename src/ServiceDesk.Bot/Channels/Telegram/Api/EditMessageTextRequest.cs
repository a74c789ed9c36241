namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record EditMessageTextRequest
{
    public long ChatId { get; init; }

    public long MessageId { get; init; }

    public required string Text { get; init; }

    public string? ParseMode { get; init; }

    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    public LinkPreviewOptions? LinkPreviewOptions { get; init; }
}
