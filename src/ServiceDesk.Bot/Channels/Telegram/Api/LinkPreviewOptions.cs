namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record LinkPreviewOptions(bool IsDisabled);
