namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>A command in the client's menu: 1–32 chars of [a-z0-9_], description 1–256 chars.</summary>
public sealed record BotCommand(string Command, string Description);
