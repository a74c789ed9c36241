namespace ServiceDesk.Bot.Channels.Telegram.Mapping;

/// <summary>A group upgraded to a supergroup: messages for <see cref="From"/> now go to <see cref="To"/>.</summary>
public sealed record ChatMigration(long From, long To);
