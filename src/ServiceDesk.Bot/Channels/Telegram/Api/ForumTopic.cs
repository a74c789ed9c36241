namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>A topic in a forum supergroup, as returned by createForumTopic.</summary>
public sealed record ForumTopic(long MessageThreadId, string Name, int? IconColor = null);
