namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>One size of a photo; a photo message carries several.</summary>
public sealed record PhotoSize(string FileId, string FileUniqueId, int Width, int Height, long? FileSize = null);
