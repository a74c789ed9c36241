namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>A button: its text plus exactly one action field.</summary>
public sealed record InlineKeyboardButton(string Text, string? CallbackData = null, string? Url = null);
