using System.Globalization;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.Mapping;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.Telegram.Sending;

/// <summary>
/// One attempt to deliver a rendered message to one chat: pick the thread (a forum topic per ticket, or a
/// reply to the card), edit the earlier message for a known ReplaceKey, otherwise send the parts in order.
/// </summary>
internal sealed class TelegramDelivery(
    TelegramBotClient client,
    ITelegramStateStore store,
    TelegramRateLimiter limiter,
    TelegramChatDirectory chats,
    long chatId,
    OutboundMessage message,
    RenderedMessage rendered)
{
    private const int MaxTopicName = 128;

    public async Task<DeliveryResult> RunAsync(CancellationToken ct)
    {
        var forum = await chats.IsForumAsync(chatId, ct);
        var thread = ParseThread(message.To.ThreadId);
        if (forum && thread is null && message.Card is { } card)
            thread = await TopicForAsync(card, ct);

        if (message.ReplaceKey is { } key && await store.GetMessageIdAsync(chatId, key, ct) is { } existing
            && await TryEditAsync(existing, ct))
            return Result(existing, forum, thread);

        // A split message that failed half-way goes on after the parts already sent, so none is sent twice.
        var split = rendered.Parts.Count > 1 ? CallbackToken.For(string.Join('\u0001', rendered.Parts.Append(message.To.ThreadId ?? ""))) : null;
        var done = split is null ? null : await store.GetPartsSentAsync(chatId, split, ct);
        long? first = done?.FirstMessageId;
        for (var i = done?.Sent ?? 0; i < rendered.Parts.Count; i++)
        {
            await limiter.WaitAsync(chatId, ct);
            var sent = await client.SendMessageAsync(new SendMessageRequest
            {
                ChatId = chatId,
                Text = rendered.Parts[i],
                ParseMode = TelegramHtml.ParseMode,
                MessageThreadId = forum ? thread : null,
                ReplyParameters = !forum && thread is { } root && i == 0 ? new ReplyParameters(root) : null,
                ReplyMarkup = i == rendered.Parts.Count - 1 ? rendered.Keyboard : null,
                LinkPreviewOptions = new LinkPreviewOptions(true),
            }, ct);
            first ??= sent.MessageId;
            if (split is not null && i < rendered.Parts.Count - 1)
                await store.SetPartsSentAsync(chatId, split, i + 1, first.Value, ct);
        }

        if (split is not null)
            await store.ClearPartsSentAsync(chatId, split, ct);

        if (message.ReplaceKey is { } replaceKey)
            await store.SetMessageIdAsync(chatId, replaceKey, first!.Value, ct);
        return Result(first!.Value, forum, thread);
    }

    private DeliveryResult Result(long messageId, bool forum, long? thread)
    {
        // In a forum the ticket's topic is its thread; elsewhere a card roots the thread that replies to it form.
        var threadId = forum ? thread : message.Card is not null && chatId < 0 ? messageId : thread;
        return new DeliveryResult(Id(messageId), threadId is { } t ? Id(t) : message.To.ThreadId);
    }

    private async Task<bool> TryEditAsync(long messageId, CancellationToken ct)
    {
        await limiter.WaitAsync(chatId, ct);
        try
        {
            await client.EditMessageTextAsync(new EditMessageTextRequest
            {
                ChatId = chatId,
                MessageId = messageId,
                Text = rendered.Parts[0],
                ParseMode = TelegramHtml.ParseMode,
                ReplyMarkup = rendered.Parts.Count == 1 ? rendered.Keyboard ?? new InlineKeyboardMarkup([]) : null,
                LinkPreviewOptions = new LinkPreviewOptions(true),
            }, ct);
            return true;
        }
        catch (TelegramApiException e) when (e.IsNotModified)
        {
            return true;
        }
        catch (TelegramApiException e) when (e.ErrorCode == 400 && e.Parameters?.MigrateToChatId is null)
        {
            // The earlier message is gone or too old to edit: post the new version instead.
            return false;
        }
    }

    private async Task<long> TopicForAsync(TicketCard card, CancellationToken ct)
    {
        if (await store.GetTopicAsync(chatId, card.Key, ct) is { } known)
            return known;
        var name = $"{card.Key} · {card.Title}";
        var topic = await client.CreateForumTopicAsync(new CreateForumTopicRequest(chatId, name.Length > MaxTopicName ? name[..MaxTopicName] : name), ct);
        await store.SetTopicAsync(chatId, card.Key, topic.MessageThreadId, ct);
        return topic.MessageThreadId;
    }

    private static long? ParseThread(string? threadId) =>
        long.TryParse(threadId, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
