using ServiceDesk.Core.Configuration;

namespace ServiceDesk.Core.Storage.Housekeeping;

/// <summary>
/// A kind of channel adapter record in <c>channel_state</c> (those of <paramref name="Channel"/> whose key starts with
/// <paramref name="KeyPrefix"/>) that the housekeeping pass deletes once its last write is older than
/// <paramref name="Retention"/>. Adapters register one per kind that grows with use (a web chat session, a long button
/// value); the rest of their state lives as long as the store.
/// </summary>
public sealed record ExpiringChannelState(string Channel, string KeyPrefix, Func<RetentionOptions, TimeSpan> Retention);
