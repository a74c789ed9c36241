namespace ServiceDesk.Bot.Channels.Telegram.State;

/// <summary>
/// What the Telegram adapter must remember across restarts: the polling offset, which message a
/// ReplaceKey lives in, forum topics per ticket, migrated group ids, unreachable chats, and long
/// callback values behind short tokens.
/// </summary>
public interface ITelegramStateStore
{
    /// <summary>The next getUpdates offset (last processed update_id + 1), or null before the first update.</summary>
    Task<long?> GetNextOffsetAsync(CancellationToken ct);

    Task SetNextOffsetAsync(long offset, CancellationToken ct);

    Task<long?> GetMessageIdAsync(long chatId, string replaceKey, CancellationToken ct);

    Task SetMessageIdAsync(long chatId, string replaceKey, long messageId, CancellationToken ct);

    Task<long?> GetTopicAsync(long chatId, string ticketKey, CancellationToken ct);

    Task SetTopicAsync(long chatId, string ticketKey, long messageThreadId, CancellationToken ct);

    /// <summary>The supergroup a group was upgraded to, or null.</summary>
    Task<long?> GetMigratedChatIdAsync(long chatId, CancellationToken ct);

    /// <summary>Remembers the upgrade both ways: sends follow it, and messages from the supergroup keep the configured group id.</summary>
    Task SetMigratedChatIdAsync(long oldChatId, long newChatId, CancellationToken ct);

    /// <summary>The group a supergroup was upgraded from, or null.</summary>
    Task<long?> GetMigratedFromChatIdAsync(long newChatId, CancellationToken ct);

    Task<bool> IsUnreachableAsync(long chatId, CancellationToken ct);

    /// <summary>What a send needs to know about a chat, in one read: where it migrated to, whether it is unreachable.</summary>
    Task<TelegramChatStatus> GetChatStatusAsync(long chatId, CancellationToken ct);

    Task SetUnreachableAsync(long chatId, bool unreachable, CancellationToken ct);

    /// <summary>Which of the chats are marked unreachable, read at once (one round trip where the storage allows it).</summary>
    Task<IReadOnlySet<long>> UnreachableAmongAsync(IReadOnlyCollection<long> chatIds, CancellationToken ct);

    /// <summary>How many parts of a split message were already sent (and the first part's id), so a retry goes on from there.</summary>
    Task<(int Sent, long FirstMessageId)?> GetPartsSentAsync(long chatId, string messageKey, CancellationToken ct);

    Task SetPartsSentAsync(long chatId, string messageKey, int sent, long firstMessageId, CancellationToken ct);

    Task ClearPartsSentAsync(long chatId, string messageKey, CancellationToken ct);

    /// <summary>Keeps a webhook update (raw JSON) from before its acknowledgement until it is processed.</summary>
    Task KeepUpdateAsync(long updateId, string json, CancellationToken ct);

    Task ForgetUpdateAsync(long updateId, CancellationToken ct);

    /// <summary>Updates acknowledged but not processed (the process stopped), oldest first.</summary>
    Task<IReadOnlyList<string>> KeptUpdatesAsync(CancellationToken ct);

    /// <summary>
    /// Claims the right to poll getUpdates for <paramref name="holder"/> (one replica), or renews it: true when the
    /// holder has it for <paramref name="lease"/> from now; false while another holder's claim has not lapsed.
    /// </summary>
    Task<bool> TryHoldPollingAsync(string holder, TimeSpan lease, CancellationToken ct);

    /// <summary>Gives the claim up (a clean stop), so a standing-by replica takes over at once; nothing if another holds it.</summary>
    Task ReleasePollingAsync(string holder, CancellationToken ct);

    /// <summary>Keeps a callback value that is too long for callback_data; returns its token.</summary>
    Task<string> StoreCallbackValueAsync(string value, CancellationToken ct);

    Task<string?> FindCallbackValueAsync(string token, CancellationToken ct);
}
