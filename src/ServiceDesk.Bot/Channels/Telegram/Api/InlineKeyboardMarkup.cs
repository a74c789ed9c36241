namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>Buttons under a message, in rows.</summary>
public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);

/// <summary>A button: its text plus exactly one action field.</summary>
public sealed record InlineKeyboardButton(string Text, string? CallbackData = null, string? Url = null);
