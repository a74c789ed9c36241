using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.Telegram.Api;

namespace ServiceDesk.Bot.Channels.Telegram.Sending;

/// <summary>Knows whether a group is a forum supergroup (asked once with getChat, then cached).</summary>
public sealed class TelegramChatDirectory(TelegramBotClient client, ILogger<TelegramChatDirectory> log)
{
    private readonly ConcurrentDictionary<long, bool> _isForum = new();

    public async Task<bool> IsForumAsync(long chatId, CancellationToken ct)
    {
        if (chatId > 0)
            return false;
        if (_isForum.TryGetValue(chatId, out var known))
            return known;
        try
        {
            var chat = await client.GetChatAsync(chatId, ct);
            return _isForum[chatId] = chat.IsForum == true;
        }
        catch (TelegramApiException e) when (!e.IsRetryable)
        {
            log.LogWarning("getChat {ChatId} failed ({Code} {Description}); treating it as a plain group", chatId, e.ErrorCode, e.Description);
            return false;
        }
    }

    public void Forget(long chatId) => _isForum.TryRemove(chatId, out _);
}
