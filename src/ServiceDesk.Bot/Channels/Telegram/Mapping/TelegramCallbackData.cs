using System.Text;
using ServiceDesk.Bot.Channels.Telegram.State;

namespace ServiceDesk.Bot.Channels.Telegram.Mapping;

/// <summary>callback_data is 1–64 UTF-8 bytes: longer values are stored and replaced by a short token.</summary>
public static class TelegramCallbackData
{
    public const int MaxBytes = 64;

    /// <summary>True when the value can travel as callback_data itself (and cannot be mistaken for a token).</summary>
    public static bool FitsInline(string value) =>
        value.Length > 0 && Encoding.UTF8.GetByteCount(value) <= MaxBytes && value[0] != CallbackToken.Prefix;

    public static async Task<string> EncodeAsync(string value, ITelegramStateStore store, CancellationToken ct) =>
        FitsInline(value) ? value : await store.StoreCallbackValueAsync(value, ct);

    /// <summary>The button's value; null when the data is a token this bot never issued (or has forgotten).</summary>
    public static async Task<string?> DecodeAsync(string data, ITelegramStateStore store, CancellationToken ct) =>
        CallbackToken.IsToken(data) ? await store.FindCallbackValueAsync(data, ct) : data;
}
