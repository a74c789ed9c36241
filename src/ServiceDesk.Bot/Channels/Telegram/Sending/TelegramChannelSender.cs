using System.Globalization;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.Mapping;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.Telegram.Sending;

/// <summary>
/// Delivers outbound messages to Telegram. Errors become <see cref="ChannelDeliveryException"/>s: 429 is
/// retryable after retry_after, 403 is permanent and marks the chat unreachable, a group upgraded to a
/// supergroup is followed (the new id is remembered) and the message resent there.
/// </summary>
public sealed class TelegramChannelSender(
    TelegramBotClient client,
    ITelegramStateStore store,
    TelegramRateLimiter limiter,
    TelegramChatDirectory chats,
    ILogger<TelegramChannelSender> log) : IChannelSender
{
    public string Channel => TelegramUpdateMapper.ChannelName;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.To.Channel != Channel)
            throw new ChannelDeliveryException($"'{message.To}' is not a Telegram address", permanent: true);
        if (!long.TryParse(message.To.ConversationId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
            throw new ChannelDeliveryException($"'{message.To.ConversationId}' is not a Telegram chat id", permanent: true);

        var rendered = await TelegramMessageRenderer.RenderAsync(message, store, cancellationToken);
        for (var hop = 0; ; hop++)
        {
            var status = await store.GetChatStatusAsync(chatId, cancellationToken);
            if (status.MigratedTo is { } migrated)
            {
                chatId = migrated;
                status = await store.GetChatStatusAsync(chatId, cancellationToken);
            }

            if (status.Unreachable)
                throw new ChannelDeliveryException($"Telegram chat {chatId} has blocked or removed the bot", permanent: true);
            try
            {
                return await new TelegramDelivery(client, store, limiter, chats, chatId, message, rendered).RunAsync(cancellationToken);
            }
            catch (TelegramApiException e) when (e.Parameters?.MigrateToChatId is { } to && hop < 2)
            {
                log.LogInformation("Telegram group {Old} was upgraded to supergroup {New}; following it", chatId, to);
                await store.SetMigratedChatIdAsync(chatId, to, cancellationToken);
                chats.Forget(chatId);
            }
            catch (TelegramApiException e)
            {
                throw await TranslateAsync(chatId, e, cancellationToken);
            }
        }
    }

    private async Task<ChannelDeliveryException> TranslateAsync(long chatId, TelegramApiException e, CancellationToken ct)
    {
        if (e.ErrorCode == 429)
        {
            var wait = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
            limiter.Pause(chatId, wait);
            // Our limiter keeps the bot under Telegram's overall rate, so a 429 is this chat's or group's own limit: only its
            // messages wait (the outbox holds the whole channel once a second chat is limited meanwhile).
            return new ChannelDeliveryException($"Telegram flood control: retry after {wait.TotalSeconds:0}s", permanent: false, wait, e) { ConversationOnly = true };
        }

        if (e.IsChatUnreachable)
        {
            log.LogWarning("Telegram chat {ChatId} is unreachable: {Description}", chatId, e.Description);
            await store.SetUnreachableAsync(chatId, true, ct);
            return new ChannelDeliveryException($"Telegram chat {chatId} is unreachable: {e.Description}", permanent: true, inner: e);
        }

        if (e.Method == "createForumTopic" && e.ErrorCode is 400 or 403)
            return new ChannelDeliveryException(
                $"Telegram forum {chatId}: cannot create a topic for the ticket ({e.Description}); give the bot the 'Manage topics' admin right",
                permanent: true, inner: e);
        return new ChannelDeliveryException(e.Message, permanent: !e.IsRetryable, inner: e);
    }
}
