namespace ServiceDesk.Bot.Channels.Telegram;

/// <summary>Outbound limits from the Bot FAQ; sends over the limit wait in a queue, never get dropped.</summary>
public sealed class TelegramRateLimitOptions
{
    /// <summary>Messages per second to one chat (Telegram: about 1).</summary>
    public double PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages per minute to one group or supergroup (Telegram: 20).</summary>
    public int PerGroupPerMinute { get; set; } = 20;

    /// <summary>Messages per second over all chats (Telegram: about 30).</summary>
    public double GlobalPerSecond { get; set; } = 30;
}
