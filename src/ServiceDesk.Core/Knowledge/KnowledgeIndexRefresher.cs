using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Core.Knowledge;

/// <summary>Polls the store's article count and newest update time and rebuilds the index when another replica changed articles.</summary>
public sealed class KnowledgeIndexRefresher(
    KnowledgeBase knowledgeBase,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeIndexRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await knowledgeBase.RefreshAsync(force: false, stoppingToken))
                {
                    logger.LogInformation("Knowledge index rebuilt: {Count} published articles", knowledgeBase.Index.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Knowledge index refresh failed; keeping the current index");
            }
        }
    }
}
