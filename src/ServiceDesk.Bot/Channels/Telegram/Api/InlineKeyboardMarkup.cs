namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>Buttons under a message, in rows.</summary>
public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);
