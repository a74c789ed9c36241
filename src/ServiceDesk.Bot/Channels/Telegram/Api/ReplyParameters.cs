namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record ReplyParameters(long MessageId, bool AllowSendingWithoutReply = true);
