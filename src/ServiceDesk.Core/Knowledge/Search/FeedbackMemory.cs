using ServiceDesk.Core.Knowledge.Articles;

namespace ServiceDesk.Core.Knowledge.Search;

/// <summary>
/// Feedback per article and query terms, kept in memory for ranking: an article that was
/// "not that" for similar queries (Jaccard similarity of the normalised terms ≥ 0.5) sinks,
/// one that "solved it" rises a little.
/// </summary>
public sealed class FeedbackMemory
{
    private const double MinSimilarity = 0.5;
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<(HashSet<string> Terms, bool Helpful)>> byArticle = new(StringComparer.OrdinalIgnoreCase);

    public void Replace(IEnumerable<KnowledgeFeedback> all)
    {
        lock (gate)
        {
            byArticle.Clear();
            foreach (var f in all) AddUnlocked(f.ArticleId, f.QueryTerms, f.Helpful);
        }
    }

    public void Add(KnowledgeFeedback feedback)
    {
        lock (gate) AddUnlocked(feedback.ArticleId, feedback.QueryTerms, feedback.Helpful);
    }

    /// <summary>Score factor in [0.2, 1.5] for the article given the query's terms.</summary>
    public double Factor(string articleId, IReadOnlySet<string> queryTerms)
    {
        lock (gate)
        {
            if (queryTerms.Count == 0 || !byArticle.TryGetValue(articleId, out var entries)) return 1.0;
            double helpful = 0, notHelpful = 0;
            foreach (var (terms, isHelpful) in entries)
            {
                var common = 0;
                foreach (var term in terms) // a loop, not Count(predicate): this runs per article per search
                    if (queryTerms.Contains(term)) common++;
                var similarity = (double)common / (terms.Count + queryTerms.Count - common);
                if (similarity < MinSimilarity) continue;
                if (isHelpful) helpful += similarity;
                else notHelpful += similarity;
            }
            return Math.Clamp(Math.Exp(0.2 * helpful - 0.4 * notHelpful), 0.2, 1.5);
        }
    }

    private void AddUnlocked(string articleId, string queryTerms, bool helpful)
    {
        var terms = queryTerms.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (terms.Count == 0) return;
        if (!byArticle.TryGetValue(articleId, out var list)) byArticle[articleId] = list = [];
        list.Add((terms, helpful));
    }
}
