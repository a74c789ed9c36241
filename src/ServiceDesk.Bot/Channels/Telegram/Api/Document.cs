namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>A general file sent as a document.</summary>
public sealed record Document(string FileId, string FileUniqueId, string? FileName = null, string? MimeType = null, long? FileSize = null);
