using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>Processes what the webhook endpoint acknowledged, in arrival order.</summary>
public sealed class TelegramWebhookWorker(
    TelegramWebhookQueue queue,
    TelegramUpdateProcessor processor,
    TelegramRetryPolicy retry,
    TimeProvider clock,
    ILogger<TelegramWebhookWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
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
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            log.LogDebug("Telegram webhook worker stopped");
        }
    }
}
