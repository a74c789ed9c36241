using ServiceDesk.Core.Knowledge.Articles;

namespace ServiceDesk.Core.Knowledge.Search;

/// <summary>
/// Feedback per article and query terms, kept in memory for ranking: an article that was
/// "not that" for similar queries (Jaccard similarity of the normalised terms ≥ 0.5) sinks,
/// one that "solved it" rises a little. Kept as one tally per article and distinct query, so a search
/// costs as many comparisons as the article has distinct queries, not as many as it has answers.
/// </summary>
public sealed class FeedbackMemory
{
    private const double MinSimilarity = 0.5;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, QueryTally>> byArticle = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Distinct (article, query) pairs held: what a search compares against.</summary>
    public int DistinctQueries
    {
        get { lock (gate) return byArticle.Values.Sum(queries => queries.Count); }
    }

    public void Replace(IEnumerable<FeedbackTally> all)
    {
        lock (gate)
        {
            byArticle.Clear();
            foreach (var t in all) AddUnlocked(t.ArticleId, t.QueryTerms, t.Helpful, t.NotHelpful);
        }
    }

    public void Add(KnowledgeFeedback feedback)
    {
        lock (gate) AddUnlocked(feedback.ArticleId, feedback.QueryTerms, feedback.Helpful ? 1 : 0, feedback.Helpful ? 0 : 1);
    }

    /// <summary>Score factor in [0.2, 1.5] for the article given the query's terms.</summary>
    public double Factor(string articleId, IReadOnlySet<string> queryTerms)
    {
        lock (gate)
        {
            if (queryTerms.Count == 0 || !byArticle.TryGetValue(articleId, out var queries)) return 1.0;
            double helpful = 0, notHelpful = 0;
            foreach (var tally in queries.Values)
            {
                var common = 0;
                foreach (var term in tally.Terms) // a loop, not Count(predicate): this runs per article per search
                    if (queryTerms.Contains(term)) common++;
                var similarity = (double)common / (tally.Terms.Length + queryTerms.Count - common);
                if (similarity < MinSimilarity) continue;
                helpful += similarity * tally.Helpful;
                notHelpful += similarity * tally.NotHelpful;
            }
            return Math.Clamp(Math.Exp(0.2 * helpful - 0.4 * notHelpful), 0.2, 1.5);
        }
    }

    private void AddUnlocked(string articleId, string queryTerms, int helpful, int notHelpful)
    {
        byArticle.TryGetValue(articleId, out var queries);
        if (queries is null || !queries.TryGetValue(queryTerms, out var tally))
        {
            var terms = queryTerms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
            if (terms.Length == 0) return;
            if (queries is null) byArticle[articleId] = queries = new(StringComparer.Ordinal);
            queries[queryTerms] = tally = new QueryTally(terms);
        }
        tally.Helpful += helpful;
        tally.NotHelpful += notHelpful;
    }

    private sealed class QueryTally(string[] terms)
    {
        public string[] Terms { get; } = terms;

        public int Helpful { get; set; }

        public int NotHelpful { get; set; }
    }
}
