using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>Processes what the webhook endpoint acknowledged, in arrival order.</summary>
public sealed class TelegramWebhookWorker(TelegramWebhookQueue queue, TelegramUpdateProcessor processor, ILogger<TelegramWebhookWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in queue.Reader.ReadAllAsync(stoppingToken))
                await processor.ProcessAsync(update, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            log.LogDebug("Telegram webhook worker stopped");
        }
    }
}
