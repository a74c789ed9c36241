using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.State;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>Processes what the webhook endpoint acknowledged, in arrival order.</summary>
public sealed class TelegramWebhookWorker(
    TelegramWebhookQueue queue,
    TelegramUpdateProcessor processor,
    ITelegramStateStore store,
    TelegramRetryPolicy retry,
    TimeProvider clock,
    ILogger<TelegramWebhookWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RequeueKeptAsync(stoppingToken);
            await foreach (var update in queue.Reader.ReadAllAsync(stoppingToken))
            {
                // Acknowledged already: hold it (and the queue) until it goes through, or until it has failed too often.
                for (var round = 1; !await processor.ProcessAsync(update, CancellationToken.None); round++)
                {
                    if (round >= retry.RoundsBeforeSkip)
                    {
                        log.LogError("Telegram update {UpdateId} failed in {Rounds} rounds; skipped", update.UpdateId, round);
                        break;
                    }

                    await Task.Delay(retry.Backoff(round), clock, stoppingToken);
                }

                await ForgetAsync(update.UpdateId);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            log.LogDebug("Telegram webhook worker stopped");
        }
    }

    /// <summary>Updates acknowledged before the last stop but never processed go first.</summary>
    private async Task RequeueKeptAsync(CancellationToken ct)
    {
        for (var wait = retry.FirstBackoff; ; wait = wait * 2 > retry.MaxBackoff ? retry.MaxBackoff : wait * 2)
        {
            try
            {
                foreach (var json in await store.KeptUpdatesAsync(ct))
                {
                    if (TelegramUpdateReader.TryRead(System.Text.Encoding.UTF8.GetBytes(json), out var update, out _))
                        queue.TryEnqueue(update!);
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Telegram webhook: cannot read kept updates; next try in {Wait}", wait);
                await Task.Delay(wait, clock, ct);
            }
        }
    }

    private async Task ForgetAsync(long updateId)
    {
        try
        {
            await store.ForgetUpdateAsync(updateId, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left behind, it is processed again at the next start and recognised as a duplicate.
            log.LogWarning(e, "Telegram webhook: could not forget processed update {UpdateId}", updateId);
        }
    }
}
