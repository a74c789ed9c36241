namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>Why a request failed and what to do: wait <see cref="RetryAfter"/> seconds, or use the migrated chat id.</summary>
public sealed record ResponseParameters(int? RetryAfter = null, long? MigrateToChatId = null);
