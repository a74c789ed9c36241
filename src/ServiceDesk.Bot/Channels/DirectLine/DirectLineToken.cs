namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>What a conversation token grants: one conversation, for one user (and room), until it expires.</summary>
public sealed record DirectLineToken(string ConversationId, string? UserId, string? Room, DateTimeOffset ExpiresAt);
