using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Core.Knowledge.Transfer;

/// <summary>Imports the sample knowledge base (Knowledge:Folder) on first start, when the store has no articles.</summary>
public sealed class KnowledgeSeeder(
    KnowledgeBase knowledgeBase,
    KnowledgeTransfer transfer,
    IOptions<KnowledgeOptions> options,
    ILogger<KnowledgeSeeder> logger)
{
    /// <summary>Returns the import report, or null when nothing was imported.</summary>
    public async Task<KnowledgeImportReport?> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.SeedOnStart || await knowledgeBase.Store.CountAsync(cancellationToken) > 0)
        {
            return null;
        }
        if (!Directory.Exists(settings.Folder))
        {
            logger.LogWarning("Knowledge:Folder '{Folder}' does not exist; the knowledge base starts empty", settings.Folder);
            return null;
        }
        var report = await transfer.ImportAsync(settings.Folder, cancellationToken);
        logger.LogInformation("Knowledge base seeded from {Folder}: {Summary}", settings.Folder, report.Summary);
        foreach (var rejected in report.Rejected)
        {
            logger.LogWarning("Knowledge article rejected: {Problem}", rejected.ToString());
        }
        return report;
    }
}
