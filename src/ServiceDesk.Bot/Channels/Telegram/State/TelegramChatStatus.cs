namespace ServiceDesk.Bot.Channels.Telegram.State;

/// <summary>A chat's remembered state: the supergroup it was upgraded to (if any) and whether it blocked or removed the bot.</summary>
public sealed record TelegramChatStatus(long? MigratedTo, bool Unreachable);
