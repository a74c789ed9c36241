namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text = null, bool? ShowAlert = null);
