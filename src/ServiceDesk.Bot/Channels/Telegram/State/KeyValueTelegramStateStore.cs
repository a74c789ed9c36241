using System.Collections.Concurrent;
using System.Globalization;

namespace ServiceDesk.Bot.Channels.Telegram.State;

/// <summary>
/// The adapter's state as string keys and values; subclasses say where they live. A store shared with other processes may
/// remember a chat status read as fine (reachable, not migrated) for a short <c>fineStatusLifetime</c>, so a burst of sends
/// to one chat reads it once: a change made here is seen at once, one made elsewhere within that time costs one Bot API
/// call, which fails (403, or 400 with the new chat id) and is handled as the status would have been.
/// </summary>
public abstract class KeyValueTelegramStateStore(TimeSpan fineStatusLifetime, TimeProvider clock) : ITelegramStateStore
{
    /// <summary>The key prefix of long button values (written again whenever the button is sent; pruned past their retention).</summary>
    public const string CallbackKeyPrefix = "callback:";

    private const string PollerKey = "poller";
    private static readonly TelegramChatStatus Fine = new(null, false);
    private readonly SemaphoreSlim _swapGate = new(1, 1);
    private readonly ConcurrentDictionary<long, DateTimeOffset> _fineUntil = new();
    private long _statusChanges;

    protected KeyValueTelegramStateStore()
        : this(TimeSpan.Zero, TimeProvider.System)
    {
    }

    protected TimeProvider Clock => clock;

    protected abstract Task<string?> GetAsync(string key, CancellationToken ct);

    protected abstract Task SetAsync(string key, string value, CancellationToken ct);

    protected abstract Task RemoveAsync(string key, CancellationToken ct);

    /// <summary>All entries whose key starts with <paramref name="prefix"/>.</summary>
    protected abstract Task<IReadOnlyList<KeyValuePair<string, string>>> ListAsync(string prefix, CancellationToken ct);

    /// <summary>Several keys at once (one round trip where the storage allows it); missing keys are absent from the result.</summary>
    protected virtual async Task<IReadOnlyDictionary<string, string>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var found = new Dictionary<string, string>();
        foreach (var key in keys)
        {
            if (await GetAsync(key, ct) is { } value)
                found[key] = value;
        }

        return found;
    }

    public Task<long?> GetNextOffsetAsync(CancellationToken ct) => GetLongAsync("offset", ct);

    public Task SetNextOffsetAsync(long offset, CancellationToken ct) => SetLongAsync("offset", offset, ct);

    public Task<long?> GetMessageIdAsync(long chatId, string replaceKey, CancellationToken ct) => GetLongAsync($"replace:{chatId}:{replaceKey}", ct);

    public Task SetMessageIdAsync(long chatId, string replaceKey, long messageId, CancellationToken ct) =>
        SetLongAsync($"replace:{chatId}:{replaceKey}", messageId, ct);

    public Task<long?> GetTopicAsync(long chatId, string ticketKey, CancellationToken ct) => GetLongAsync($"topic:{chatId}:{ticketKey}", ct);

    public Task SetTopicAsync(long chatId, string ticketKey, long messageThreadId, CancellationToken ct) =>
        SetLongAsync($"topic:{chatId}:{ticketKey}", messageThreadId, ct);

    public Task<long?> GetMigratedChatIdAsync(long chatId, CancellationToken ct) => GetLongAsync($"migrated:{chatId}", ct);

    public async Task SetMigratedChatIdAsync(long oldChatId, long newChatId, CancellationToken ct)
    {
        await SetLongAsync($"migrated:{oldChatId}", newChatId, ct);
        StatusChanged(oldChatId);
        await SetLongAsync($"migrated-from:{newChatId}", oldChatId, ct);
    }

    public Task<long?> GetMigratedFromChatIdAsync(long newChatId, CancellationToken ct) => GetLongAsync($"migrated-from:{newChatId}", ct);

    public async Task<bool> IsUnreachableAsync(long chatId, CancellationToken ct) => await GetAsync($"unreachable:{chatId}", ct) is not null;

    public async Task<TelegramChatStatus> GetChatStatusAsync(long chatId, CancellationToken ct)
    {
        if (fineStatusLifetime > TimeSpan.Zero && _fineUntil.TryGetValue(chatId, out var until) && clock.GetUtcNow() < until)
            return Fine;
        var changes = Interlocked.Read(ref _statusChanges);
        var found = await GetManyAsync([$"migrated:{chatId}", $"unreachable:{chatId}"], ct);
        var migrated = found.TryGetValue($"migrated:{chatId}", out var m)
                       && long.TryParse(m, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var to) ? to : (long?)null;
        var status = new TelegramChatStatus(migrated, found.ContainsKey($"unreachable:{chatId}"));
        if (fineStatusLifetime > TimeSpan.Zero && status == Fine)
        {
            if (_fineUntil.Count >= 10_000)
                _fineUntil.Clear();
            _fineUntil[chatId] = clock.GetUtcNow() + fineStatusLifetime;
            // A change made here while reading may have been missed by the read: then the remembered status is not trusted.
            if (Interlocked.Read(ref _statusChanges) != changes)
                _fineUntil.TryRemove(chatId, out _);
        }

        return status;
    }

    public async Task<IReadOnlySet<long>> UnreachableAmongAsync(IReadOnlyCollection<long> chatIds, CancellationToken ct)
    {
        if (chatIds.Count == 0)
            return new HashSet<long>();
        var found = await GetManyAsync(chatIds.Select(id => $"unreachable:{id}").ToList(), ct);
        return chatIds.Where(id => found.ContainsKey($"unreachable:{id}")).ToHashSet();
    }

    public virtual async Task SetUnreachableAsync(long chatId, bool unreachable, CancellationToken ct)
    {
        if (unreachable)
            await SetAsync($"unreachable:{chatId}", "1", ct);
        else
            await RemoveAsync($"unreachable:{chatId}", ct);
        StatusChanged(chatId);
    }

    /// <summary>Called after a chat's status was written here: the status remembered as fine is dropped.</summary>
    private void StatusChanged(long chatId)
    {
        Interlocked.Increment(ref _statusChanges);
        _fineUntil.TryRemove(chatId, out _);
    }

    public async Task<(int Sent, long FirstMessageId)?> GetPartsSentAsync(long chatId, string messageKey, CancellationToken ct)
    {
        var value = await GetAsync($"parts:{chatId}:{messageKey}", ct);
        var fields = value?.Split(':');
        return fields is [var sent, var first]
               && int.TryParse(sent, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
               && long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (n, id)
            : null;
    }

    public Task SetPartsSentAsync(long chatId, string messageKey, int sent, long firstMessageId, CancellationToken ct) =>
        SetAsync($"parts:{chatId}:{messageKey}", string.Create(CultureInfo.InvariantCulture, $"{sent}:{firstMessageId}"), ct);

    public Task ClearPartsSentAsync(long chatId, string messageKey, CancellationToken ct) => RemoveAsync($"parts:{chatId}:{messageKey}", ct);

    public Task KeepUpdateAsync(long updateId, string json, CancellationToken ct) => SetAsync($"inbox:{updateId}", json, ct);

    public Task ForgetUpdateAsync(long updateId, CancellationToken ct) => RemoveAsync($"inbox:{updateId}", ct);

    public async Task<IReadOnlyList<string>> KeptUpdatesAsync(CancellationToken ct) =>
        (await ListAsync("inbox:", ct))
        .OrderBy(e => long.TryParse(e.Key["inbox:".Length..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : long.MaxValue)
        .Select(e => e.Value)
        .ToList();

    public async Task<string> StoreCallbackValueAsync(string value, CancellationToken ct)
    {
        var token = CallbackToken.For(value);
        await SetAsync(CallbackKeyPrefix + token, value, ct);
        return token;
    }

    public Task<string?> FindCallbackValueAsync(string token, CancellationToken ct) => GetAsync(CallbackKeyPrefix + token, ct);

    public async Task<bool> TryHoldPollingAsync(string holder, TimeSpan lease, CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var current = await GetAsync(PollerKey, ct);
        if (current is not null && ParseClaim(current) is var (other, until) && other != holder && until > now)
            return false;
        return await SwapAsync(PollerKey, current, FormatClaim(holder, now + lease), ct);
    }

    public async Task ReleasePollingAsync(string holder, CancellationToken ct)
    {
        var current = await GetAsync(PollerKey, ct);
        if (current is not null && ParseClaim(current).Holder == holder)
            await SwapAsync(PollerKey, current, FormatClaim(holder, DateTimeOffset.UnixEpoch), ct);
    }

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> only while it holds <paramref name="expected"/> (null: absent);
    /// false when it did not. Atomic within this process; a store shared by processes overrides it with an atomic write.
    /// </summary>
    protected virtual async Task<bool> SwapAsync(string key, string? expected, string value, CancellationToken ct)
    {
        await _swapGate.WaitAsync(ct);
        try
        {
            if (await GetAsync(key, ct) != expected)
                return false;
            await SetAsync(key, value, ct);
            return true;
        }
        finally
        {
            _swapGate.Release();
        }
    }

    /// <summary>A claim is "&lt;until, Unix ms&gt; &lt;holder&gt;"; an unreadable one counts as lapsed.</summary>
    private static (string Holder, DateTimeOffset Until) ParseClaim(string claim)
    {
        var space = claim.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && long.TryParse(claim.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? (claim[(space + 1)..], DateTimeOffset.FromUnixTimeMilliseconds(ms))
            : ("", DateTimeOffset.UnixEpoch);
    }

    private static string FormatClaim(string holder, DateTimeOffset until) =>
        $"{until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)} {holder}";

    private async Task<long?> GetLongAsync(string key, CancellationToken ct) =>
        long.TryParse(await GetAsync(key, ct), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    private Task SetLongAsync(string key, long value, CancellationToken ct) => SetAsync(key, value.ToString(CultureInfo.InvariantCulture), ct);
}
