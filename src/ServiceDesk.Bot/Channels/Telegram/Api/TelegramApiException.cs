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

    public bool IsRetryable => ErrorCode == 429 || ErrorCode >= 500 || ErrorCode == 0;
}
