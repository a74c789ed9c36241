namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record SetWebhookRequest(string Url, string? SecretToken, IReadOnlyList<string>? AllowedUpdates, bool? DropPendingUpdates = null);
