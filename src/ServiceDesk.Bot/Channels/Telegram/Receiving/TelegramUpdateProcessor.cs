using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.Mapping;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>
/// Handles one update from either receiver: answers callback queries, remembers migrations and
/// (un)blocks, hands messages to the engine. Never throws (except on cancellation): it returns false when the
/// update could not be processed (the store or the engine failed after quick retries), and the receiver keeps it
/// for a later attempt.
/// </summary>
public sealed class TelegramUpdateProcessor(
    ITelegramInboundHandler handler,
    TelegramBotClient client,
    ITelegramStateStore store,
    TelegramBotIdentity identity,
    RecentUpdateIds recent,
    TelegramRetryPolicy retry,
    TimeProvider clock,
    ILogger<TelegramUpdateProcessor> log)
{
    /// <summary>True when the update is done with (handled, ignored or a duplicate); false to try it again later.</summary>
    public Task<bool> ProcessAsync(Update update, CancellationToken ct) => ProcessAsync(update, null, ct);

    /// <summary>
    /// As <see cref="ProcessAsync(Update, CancellationToken)"/>, with the unreachable marks of chats as the receiver read them for
    /// the whole batch just before (one read instead of one per update); a chat that <paramref name="unreachable"/> does not
    /// know is read here.
    /// </summary>
    public async Task<bool> ProcessAsync(Update update, TelegramChatMarks? unreachable, CancellationToken ct)
    {
        if (!recent.TryAdd(update.UpdateId))
        {
            log.LogDebug("Telegram update {UpdateId} already seen; skipped", update.UpdateId);
            return true;
        }

        var answered = new StrongBox<bool>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ProcessOnceAsync(update, answered, unreachable, ct);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (attempt >= retry.QuickAttempts)
                {
                    log.LogError(e, "Telegram update {UpdateId} failed {Attempts} times; it is kept for a later try", update.UpdateId, attempt);
                    recent.Remove(update.UpdateId);
                    return false;
                }

                log.LogWarning(e, "Telegram update {UpdateId} failed (attempt {Attempt}); retrying", update.UpdateId, attempt);
                await Task.Delay(retry.QuickDelay * attempt, clock, ct);
            }
        }
    }

    private async Task ProcessOnceAsync(Update update, StrongBox<bool> answered, TelegramChatMarks? unreachable, CancellationToken ct)
    {
        var mapped = TelegramUpdateMapper.Map(update, await identity.GetUsernameAsync(ct));
        if (mapped.Migration is { } migration)
        {
            log.LogWarning("Telegram group {Old} was upgraded to supergroup {New}: followed; update configured team channels to telegram:{New}",
                migration.From, migration.To, migration.To);
            await store.SetMigratedChatIdAsync(migration.From, migration.To, ct);
        }
        if (mapped.AddedToGroup is { } group)
        {
            log.LogInformation(
                "The bot was added to the Telegram group «{Title}»: to make it a team channel, set ServiceDesk:Lines:<line>:TeamChannel (or ServiceDesk:ManagersChannel) to telegram:{ChatId}",
                group.Title, group.ChatId);
        }
        if (mapped.Reachability is { } r)
        {
            await store.SetUnreachableAsync(r.ChatId, !r.Reachable, ct);
            unreachable?.Set(r.ChatId, !r.Reachable);
        }

        var message = mapped.Message;
        string? answer = null;
        if (message?.Action is { } data && await TelegramCallbackData.DecodeAsync(data, store, ct) is var action)
        {
            message = action is null ? null : message with { Action = action };
            answer = action is null ? "This button has expired." : null;
        }

        if (mapped.CallbackQueryId is { } queryId && !answered.Value)
        {
            await AnswerAsync(queryId, answer, ct);
            answered.Value = true;
        }
        if (message is null)
        {
            log.LogDebug("Telegram update {UpdateId} ignored: {Reason}", update.UpdateId, mapped.IgnoredBecause ?? "expired button");
            return;
        }

        if (message.IsPrivate && long.TryParse(message.ConversationId, out var chatId)
            && (unreachable?.Lookup(chatId) ?? await store.IsUnreachableAsync(chatId, ct)))
        {
            await store.SetUnreachableAsync(chatId, false, ct);
            unreachable?.Set(chatId, false);
        }
        message = await AsConfiguredAsync(message, ct);
        await handler.HandleAsync(message, ct);
    }

    /// <summary>
    /// Telegram's Start button sends <c>/start [payload]</c>: it means "what can you do", so it becomes <c>help</c>. A message
    /// from a supergroup that was upgraded from a group keeps the group's id, the one configuration and tickets' threads know.
    /// </summary>
    private async Task<InboundMessage> AsConfiguredAsync(InboundMessage message, CancellationToken ct)
    {
        if (message.Text is { } text && (text == "/start" || text.StartsWith("/start ", StringComparison.Ordinal)))
            message = message with { Text = "help" };
        if (!message.IsPrivate && long.TryParse(message.ConversationId, out var chat) && await store.GetMigratedFromChatIdAsync(chat, ct) is { } old)
            message = message with { ConversationId = old.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return message;
    }

    private async Task AnswerAsync(string queryId, string? text, CancellationToken ct)
    {
        try
        {
            await client.AnswerCallbackQueryAsync(new AnswerCallbackQueryRequest(queryId, text), ct);
        }
        catch (TelegramApiException e)
        {
            // A late answer ("query is too old") must not stop the press itself from being handled.
            log.LogWarning("answerCallbackQuery failed: {Code} {Description}", e.ErrorCode, e.Description);
        }
    }
}
