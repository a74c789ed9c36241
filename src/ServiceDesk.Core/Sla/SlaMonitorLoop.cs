using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceDesk.Core.Sla;

/// <summary>
/// The hosted loop around <see cref="SlaMonitor"/>: run what is due, then sleep until the next timer (at most
/// <see cref="MaxSleep"/>, so timers other writers created meanwhile are picked up).
/// </summary>
public sealed class SlaMonitorLoop(SlaMonitor monitor, TimeProvider time, ILogger<SlaMonitorLoop> log) : BackgroundService
{
    public static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = MaxSleep;
            try
            {
                var pass = await monitor.RunDueAsync(stoppingToken);
                if (pass.Fired > 0)
                    log.LogInformation("SLA monitor fired {Count} timer(s)", pass.Fired);
                if (pass.NextDueAt is { } next)
                    sleep = TimeSpan.FromTicks(Math.Clamp((next - time.GetUtcNow()).Ticks, TimeSpan.TicksPerMillisecond * 100, MaxSleep.Ticks));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(ex, "SLA monitor pass failed; retrying in {Delay}", sleep);
            }
            try
            {
                await Task.Delay(sleep, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
