using System.Collections.Concurrent;

namespace ServiceDesk.Bot.Channels.Telegram.State;

/// <summary>Process-local state: for tests and runs without the service's store.</summary>
public sealed class InMemoryTelegramStateStore : KeyValueTelegramStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new();

    protected override Task<string?> GetAsync(string key, CancellationToken ct) =>
        Task.FromResult(_values.TryGetValue(key, out var v) ? v : null);

    protected override Task SetAsync(string key, string value, CancellationToken ct)
    {
        _values[key] = value;
        return Task.CompletedTask;
    }

    protected override Task RemoveAsync(string key, CancellationToken ct)
    {
        _values.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    protected override Task<IReadOnlyList<KeyValuePair<string, string>>> ListAsync(string prefix, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<KeyValuePair<string, string>>>(_values.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList());
}
