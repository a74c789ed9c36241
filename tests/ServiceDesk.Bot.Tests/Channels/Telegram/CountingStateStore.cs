using System.Collections.Concurrent;
using ServiceDesk.Bot.Channels.Telegram.State;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>An in-memory state store that counts its round trips: single-key reads and several-key reads.</summary>
public sealed class CountingStateStore : KeyValueTelegramStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new();
    private readonly ConcurrentQueue<string> _reads = new();

    /// <summary>Every read: the key of a single read, or the keys of a several-key read joined by '|'.</summary>
    public IReadOnlyList<string> Reads => _reads.ToList();

    protected override Task<string?> GetAsync(string key, CancellationToken ct)
    {
        _reads.Enqueue(key);
        return Task.FromResult(_values.TryGetValue(key, out var v) ? v : null);
    }

    protected override Task<IReadOnlyDictionary<string, string>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        _reads.Enqueue(string.Join('|', keys));
        IReadOnlyDictionary<string, string> found = keys.Where(_values.ContainsKey).ToDictionary(k => k, k => _values[k]);
        return Task.FromResult(found);
    }

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
