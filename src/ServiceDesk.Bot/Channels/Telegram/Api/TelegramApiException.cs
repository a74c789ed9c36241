namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>The Bot API answered <c>ok:false</c> (or something that is not its envelope).</summary>
public sealed class TelegramApiException(string method, int errorCode, string description, ResponseParameters? parameters = null, Exception? inner = null)
    : Exception($"Telegram {method} failed: {errorCode} {description}", inner)
{
    public string Method { get; } = method;

    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public ResponseParameters? Parameters { get; } = parameters;

    public bool IsNotModified => ErrorCode == 400 && Description.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    public bool IsForbidden => ErrorCode == 403;

    /// <summary>403 because the chat is gone for the bot (blocked, kicked, not a member, account deleted), not for a missing right.</summary>
    public bool IsChatUnreachable => IsForbidden &&
        (Description.Contains("blocked", StringComparison.OrdinalIgnoreCase)
         || Description.Contains("kicked", StringComparison.OrdinalIgnoreCase)
         || Description.Contains("not a member", StringComparison.OrdinalIgnoreCase)
         || Description.Contains("deactivated", StringComparison.OrdinalIgnoreCase)
         || Description.Contains("chat not found", StringComparison.OrdinalIgnoreCase));

    public bool IsRetryable => ErrorCode == 429 || ErrorCode >= 500 || ErrorCode == 0;
}
