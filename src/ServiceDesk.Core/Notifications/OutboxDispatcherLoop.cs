using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceDesk.Core.Notifications;

/// <summary>Runs the dispatcher: at once when a turn signals new messages, else when the next retry is due (polling every few seconds for other replicas).</summary>
public sealed class OutboxDispatcherLoop(OutboxDispatcher dispatcher, OutboxSignal signal, TimeProvider clock, ILogger<OutboxDispatcherLoop> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await dispatcher.DispatchOnceAsync(stoppingToken) > 0)
                {
                }
                var next = await dispatcher.NextDueAsync(stoppingToken);
                var wait = next is { } due ? due - clock.GetUtcNow() : Poll;
                await signal.WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > Poll ? Poll : wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch pass failed; retrying shortly");
                await Task.Delay(Poll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
