namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>The envelope of every Bot API response.</summary>
public sealed record ApiResponse<T>
{
    public bool Ok { get; init; }

    public T? Result { get; init; }

    public int? ErrorCode { get; init; }

    public string? Description { get; init; }

    public ResponseParameters? Parameters { get; init; }
}
