namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record CreateForumTopicRequest(long ChatId, string Name);
