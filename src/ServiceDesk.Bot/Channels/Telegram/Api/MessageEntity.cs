namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>A marked span of a message text; offset and length count UTF-16 code units.</summary>
public sealed record MessageEntity(string Type, int Offset, int Length);
