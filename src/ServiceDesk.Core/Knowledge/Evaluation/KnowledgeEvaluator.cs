using ServiceDesk.Core.Knowledge.Search;

namespace ServiceDesk.Core.Knowledge.Evaluation;

/// <summary>Runs an evaluation set against the knowledge base: metrics per language and overall, and the misses.</summary>
public sealed class KnowledgeEvaluator(KnowledgeBase knowledgeBase)
{
    public async Task<EvaluationReport> RunAsync(IReadOnlyList<EvaluationQuery> queries, bool guessLanguage, CancellationToken cancellationToken)
    {
        var overall = new EvaluationMetrics();
        var perLanguage = KnowledgeLanguages.All.ToDictionary(l => l, _ => new EvaluationMetrics());
        var misses = new List<string>();
        foreach (var query in queries)
        {
            var outcome = await knowledgeBase.SearchDetailedAsync(query.Query, guessLanguage ? null : query.Language, 10, cancellationToken);
            var ranked = outcome.Hits.Select(h => h.ArticleId).ToList();
            overall.Add(query.Relevant, ranked, outcome.Confident);
            perLanguage[query.Language].Add(query.Relevant, ranked, outcome.Confident);
            var top3 = string.Join(", ", outcome.Hits.Take(3).Select(h => $"{h.ArticleId} ({h.Coverage:F2})"));
            if (query.Relevant.Count == 0 && outcome.Confident)
            {
                misses.Add($"line {query.Line} FALSE SUGGESTION [{query.Language}] \"{query.Query}\" → {top3} | {outcome.Reason}");
            }
            else if (query.Relevant.Count > 0 && !ranked.Take(3).Any(id => query.Relevant.Contains(id, StringComparer.OrdinalIgnoreCase)))
            {
                misses.Add($"line {query.Line} MISS@3 [{query.Language}] \"{query.Query}\" want {string.Join("|", query.Relevant)} → {top3}");
            }
            else if (query.Relevant.Count > 0 && !outcome.Confident)
            {
                misses.Add($"line {query.Line} NOT CONFIDENT [{query.Language}] \"{query.Query}\" → {top3} | {outcome.Reason}");
            }
        }
        return new EvaluationReport(overall, perLanguage, misses);
    }
}

public sealed record EvaluationReport(
    EvaluationMetrics Overall,
    IReadOnlyDictionary<string, EvaluationMetrics> PerLanguage,
    IReadOnlyList<string> Misses);
