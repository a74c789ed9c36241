namespace ServiceDesk.Bot.Channels.Telegram.Api;

public sealed record GetUpdatesRequest(long? Offset, int? Limit, int? Timeout, IReadOnlyList<string>? AllowedUpdates);
