using System.Globalization;

namespace ServiceDesk.Bot.Channels.Telegram.State;

/// <summary>The adapter's state as string keys and values; subclasses say where they live.</summary>
public abstract class KeyValueTelegramStateStore : ITelegramStateStore
{
    protected abstract Task<string?> GetAsync(string key, CancellationToken ct);

    protected abstract Task SetAsync(string key, string value, CancellationToken ct);

    protected abstract Task RemoveAsync(string key, CancellationToken ct);

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
        await SetLongAsync($"migrated-from:{newChatId}", oldChatId, ct);
    }

    public Task<long?> GetMigratedFromChatIdAsync(long newChatId, CancellationToken ct) => GetLongAsync($"migrated-from:{newChatId}", ct);

    public async Task<bool> IsUnreachableAsync(long chatId, CancellationToken ct) => await GetAsync($"unreachable:{chatId}", ct) is not null;

    public virtual Task SetUnreachableAsync(long chatId, bool unreachable, CancellationToken ct) =>
        unreachable ? SetAsync($"unreachable:{chatId}", "1", ct) : RemoveAsync($"unreachable:{chatId}", ct);

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

    public async Task<string> StoreCallbackValueAsync(string value, CancellationToken ct)
    {
        var token = CallbackToken.For(value);
        await SetAsync($"callback:{token}", value, ct);
        return token;
    }

    public Task<string?> FindCallbackValueAsync(string token, CancellationToken ct) => GetAsync($"callback:{token}", ct);

    private async Task<long?> GetLongAsync(string key, CancellationToken ct) =>
        long.TryParse(await GetAsync(key, ct), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    private Task SetLongAsync(string key, long value, CancellationToken ct) => SetAsync(key, value.ToString(CultureInfo.InvariantCulture), ct);
}
