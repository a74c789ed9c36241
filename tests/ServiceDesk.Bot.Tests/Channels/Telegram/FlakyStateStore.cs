using System.Collections.Concurrent;
using ServiceDesk.Bot.Channels.Telegram.State;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>An in-memory state store whose first <see cref="Failures"/> reads throw, like a database that is down.</summary>
public sealed class FlakyStateStore : KeyValueTelegramStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new();
    private int _failures;

    public int Failures
    {
        get => Volatile.Read(ref _failures);
        set => _failures = value;
    }

    protected override Task<string?> GetAsync(string key, CancellationToken ct) =>
        Interlocked.Decrement(ref _failures) >= 0
            ? throw new InvalidOperationException("database is down")
            : Task.FromResult(_values.TryGetValue(key, out var v) ? v : null);

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
