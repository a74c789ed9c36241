namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands, string? LanguageCode = null);
