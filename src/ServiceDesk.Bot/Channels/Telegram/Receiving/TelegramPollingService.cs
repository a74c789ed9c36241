using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.State;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>
/// Long polling (the default mode): deleteWebhook, then getUpdates from the persisted offset. A batch is
/// processed (in order within a chat; up to ParallelChats chats at once) before its offset is persisted and
/// confirmed to Telegram, so a restart neither loses nor repeats updates.
/// </summary>
public sealed class TelegramPollingService(
    TelegramBotClient client,
    TelegramUpdateProcessor processor,
    ITelegramStateStore store,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramPollingService> log) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled || o.Mode != TelegramMode.Polling)
            return;
        await Task.Yield();
        var backoff = TimeSpan.FromSeconds(1);
        var webhookDeleted = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!webhookDeleted)
                {
                    await client.DeleteWebhookAsync(stoppingToken);
                    webhookDeleted = true;
                }

                var offset = await store.GetNextOffsetAsync(stoppingToken);
                var raw = await client.GetUpdatesAsync(offset, o.PollLimit, o.PollTimeoutSeconds, stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
                if (raw.Count == 0)
                    continue;
                var next = await ProcessBatchAsync(raw, o);
                if (next is { } n)
                    await store.SetNextOffsetAsync(n, CancellationToken.None);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (TelegramApiException e)
            {
                var wait = e.ErrorCode == 429 && e.Parameters?.RetryAfter is { } s ? TimeSpan.FromSeconds(s) : backoff;
                log.LogWarning("Telegram polling: {Code} {Description}; next try in {Wait}", e.ErrorCode, e.Description, wait);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
                await DelayAsync(wait, stoppingToken);
            }
        }
    }

    /// <summary>Processes a batch and returns the next offset (highest update_id + 1).</summary>
    private async Task<long?> ProcessBatchAsync(IReadOnlyList<JsonElement> raw, TelegramOptions o)
    {
        long? highest = null;
        var byChat = new Dictionary<long, List<Update>>();
        foreach (var json in raw)
        {
            var id = TelegramUpdateReader.PeekId(json);
            if (id is { } i)
                highest = Math.Max(highest ?? i, i);
            if (!TelegramUpdateReader.TryRead(json, out var update, out var error))
            {
                log.LogWarning("Telegram update {UpdateId} skipped: {Error}", id, error);
                continue;
            }

            var key = ChatOf(update!);
            if (!byChat.TryGetValue(key, out var list))
                byChat[key] = list = [];
            list.Add(update!);
        }

        // The updates are confirmed once processed: finish them even while the host is stopping.
        await Parallel.ForEachAsync(byChat.Values, new ParallelOptions { MaxDegreeOfParallelism = o.ParallelChats }, async (updates, _) =>
        {
            foreach (var u in updates)
                await processor.ProcessAsync(u, CancellationToken.None);
        });
        return highest + 1;
    }

    private static long ChatOf(Update u) =>
        u.Message?.Chat.Id ?? u.CallbackQuery?.Message?.Chat.Id ?? u.CallbackQuery?.From.Id ?? u.EditedMessage?.Chat.Id ?? 0;

    private async Task DelayAsync(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, clock, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
