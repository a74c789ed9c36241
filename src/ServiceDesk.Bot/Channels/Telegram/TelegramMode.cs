namespace ServiceDesk.Bot.Channels.Telegram;

/// <summary>How updates arrive: long polling with getUpdates (no public URL needed) or Telegram POSTing to the webhook.</summary>
public enum TelegramMode
{
    Polling,
    Webhook,
}
