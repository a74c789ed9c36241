namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>How a request was let in: the channel is open (no secret), the caller holds the secret, or a token.</summary>
public enum DirectLineAccessKind
{
    Open,
    Secret,
    Token,
}

/// <summary>The caller's access; <see cref="Token"/> is set for token callers (and open-mode callers that sent a valid one).</summary>
public sealed record DirectLineAccess(DirectLineAccessKind Kind, DirectLineToken? Token)
{
    /// <summary>The user id the token binds, which then overrides whatever the activity claims.</summary>
    public string? BoundUserId => Token?.UserId;
}
