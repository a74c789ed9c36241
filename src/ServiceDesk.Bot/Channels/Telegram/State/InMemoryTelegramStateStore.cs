using System.Collections.Concurrent;

namespace ServiceDesk.Bot.Channels.Telegram.State;

/// <summary>Process-local state: for tests and a single-process development run.</summary>
public sealed class InMemoryTelegramStateStore : ITelegramStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new();

    public Task<long?> GetNextOffsetAsync(CancellationToken ct) => Task.FromResult(GetLong("offset"));

    public Task SetNextOffsetAsync(long offset, CancellationToken ct) => Set("offset", offset);

    public Task<long?> GetMessageIdAsync(long chatId, string replaceKey, CancellationToken ct) =>
        Task.FromResult(GetLong($"replace:{chatId}:{replaceKey}"));

    public Task SetMessageIdAsync(long chatId, string replaceKey, long messageId, CancellationToken ct) =>
        Set($"replace:{chatId}:{replaceKey}", messageId);

    public Task<long?> GetTopicAsync(long chatId, string ticketKey, CancellationToken ct) =>
        Task.FromResult(GetLong($"topic:{chatId}:{ticketKey}"));

    public Task SetTopicAsync(long chatId, string ticketKey, long messageThreadId, CancellationToken ct) =>
        Set($"topic:{chatId}:{ticketKey}", messageThreadId);

    public Task<long?> GetMigratedChatIdAsync(long chatId, CancellationToken ct) => Task.FromResult(GetLong($"migrated:{chatId}"));

    public Task SetMigratedChatIdAsync(long oldChatId, long newChatId, CancellationToken ct) => Set($"migrated:{oldChatId}", newChatId);

    public Task<bool> IsUnreachableAsync(long chatId, CancellationToken ct) => Task.FromResult(_values.ContainsKey($"unreachable:{chatId}"));

    public Task SetUnreachableAsync(long chatId, bool unreachable, CancellationToken ct)
    {
        if (unreachable)
            _values[$"unreachable:{chatId}"] = "1";
        else
            _values.TryRemove($"unreachable:{chatId}", out _);
        return Task.CompletedTask;
    }

    public Task<string> StoreCallbackValueAsync(string value, CancellationToken ct)
    {
        var token = CallbackToken.For(value);
        _values[$"callback:{token}"] = value;
        return Task.FromResult(token);
    }

    public Task<string?> FindCallbackValueAsync(string token, CancellationToken ct) =>
        Task.FromResult(_values.TryGetValue($"callback:{token}", out var v) ? v : null);

    private long? GetLong(string key) => _values.TryGetValue(key, out var v) ? long.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    private Task Set(string key, long value)
    {
        _values[key] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }
}
