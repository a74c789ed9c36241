namespace ServiceDesk.Core.Conversations;

/// <summary>A file the user sent, kept as a reference to where the channel stores it (never the bytes).</summary>
public sealed record AttachmentReference(string Channel, string FileId, string? FileName, string? ContentType, long? Size);
