namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record DeleteWebhookRequest(bool? DropPendingUpdates = null);
