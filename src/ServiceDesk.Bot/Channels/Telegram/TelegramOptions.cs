namespace ServiceDesk.Bot.Channels.Telegram;

/// <summary>Settings under <c>Channels:Telegram</c>. No <see cref="BotToken"/> means the channel is off.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Channels:Telegram";

    /// <summary>The token from BotFather (<c>123456:ABC-DEF…</c>). Keep it in user secrets or the environment.</summary>
    public string? BotToken { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Public HTTPS URL of <c>/telegram/webhook</c>; when set in webhook mode the bot registers it with setWebhook.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Required in webhook mode: Telegram echoes it in <c>X-Telegram-Bot-Api-Secret-Token</c>.</summary>
    public string? SecretToken { get; set; }

    /// <summary>The Bot API server; a self-hosted server or a test fake may replace it.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Long-poll timeout of getUpdates in seconds (the HTTP timeout is set longer).</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// With several replicas on one store, one polls and the others stand by: its claim lasts this long without renewal
    /// (it renews before each getUpdates). A replica that stops cleanly hands over at once; one that dies, after this.
    /// Must outlast a long poll.
    /// </summary>
    public int PollingLeaseSeconds { get; set; } = 90;

    /// <summary>At most this many updates per getUpdates call (1–100).</summary>
    public int PollLimit { get; set; } = 100;

    /// <summary>
    /// How many chats of a polled batch are processed at once (each chat stays in order). 1 suits SQLite, whose single
    /// writer makes parallel turns wait on each other; raise it on PostgreSQL.
    /// </summary>
    public int ParallelChats { get; set; } = 1;

    /// <summary>The bot's username for matching <c>/cmd@name</c>; learnt from getMe when empty.</summary>
    public string? BotUsername { get; set; }

    /// <summary>Register the command menu (en, ru, pl) with setMyCommands at start.</summary>
    public bool RegisterCommands { get; set; } = true;

    public TelegramRateLimitOptions RateLimits { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
