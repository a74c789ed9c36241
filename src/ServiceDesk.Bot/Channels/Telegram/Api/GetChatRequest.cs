namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record GetChatRequest(long ChatId);
