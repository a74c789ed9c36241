namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>An inline-keyboard button press. Must always be answered with answerCallbackQuery.</summary>
public sealed record CallbackQuery
{
    public string Id { get; init; } = "";

    public required User From { get; init; }

    /// <summary>The message that carried the button; <see cref="Message.Date"/> 0 when it is inaccessible.</summary>
    public Message? Message { get; init; }

    public string? InlineMessageId { get; init; }

    public string? ChatInstance { get; init; }

    /// <summary>The button's callback_data, 1–64 bytes.</summary>
    public string? Data { get; init; }
}
