using Microsoft.EntityFrameworkCore;

namespace ServiceDesk.Core.Knowledge.Articles;

/// <summary>A store in memory, for tests, the benchmark and hosts without a database.</summary>
public sealed class InMemoryKnowledgeStore : IKnowledgeStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, KnowledgeArticle> articles = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KnowledgeFeedback> feedback = [];

    public Task<IReadOnlyList<KnowledgeArticle>> ListAsync(bool publishedOnly, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<KnowledgeArticle> list = articles.Values
                .Where(a => !publishedOnly || a.IsPublished)
                .OrderBy(a => a.Id, StringComparer.Ordinal)
                .Select(a => a.Clone())
                .ToList();
            return Task.FromResult(list);
        }
    }

    public Task<KnowledgeArticle?> FindAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(articles.TryGetValue(id, out var a) ? WithCounts(a) : null);
        }
    }

    public Task SaveAsync(IReadOnlyCollection<KnowledgeArticle> items, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var a in items) articles[a.Id] = a.Clone();
        }
        return Task.CompletedTask;
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
    {
        lock (gate) return Task.FromResult(articles.Count);
    }

    public Task<KnowledgeStoreStamp> GetStampAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            DateTimeOffset? last = articles.Count == 0 ? null : articles.Values.Max(a => a.UpdatedAt);
            return Task.FromResult(new KnowledgeStoreStamp(articles.Count, last, feedback.Count));
        }
    }

    public Task AddFeedbackAsync(KnowledgeFeedback item, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (Keep([item]).Count == 0)
                throw new KeyNotFoundException($"There is no knowledge-base article '{item.ArticleId}'.");
        }
        return Task.CompletedTask;
    }

    /// <summary>Keeps the feedback at once: this store is not in the unit of work's database.</summary>
    public Task<IReadOnlyList<KnowledgeFeedback>> StageFeedbackAsync(DbContext unitOfWork, IReadOnlyList<KnowledgeFeedback> items, CancellationToken cancellationToken)
    {
        lock (gate) return Task.FromResult(Keep(items));
    }

    /// <summary>Keeps the feedback on articles that exist, numbered (the caller holds the lock).</summary>
    private IReadOnlyList<KnowledgeFeedback> Keep(IReadOnlyList<KnowledgeFeedback> items)
    {
        var kept = items.Where(f => articles.ContainsKey(f.ArticleId)).ToList();
        foreach (var item in kept)
        {
            item.Id = feedback.Count + 1;
            feedback.Add(item);
        }
        return kept;
    }

    /// <summary>A copy with the helpful / not-helpful counts of its feedback (the caller holds the lock).</summary>
    private KnowledgeArticle WithCounts(KnowledgeArticle article)
    {
        var copy = article.Clone();
        copy.HelpfulCount = feedback.Count(f => f.Helpful && string.Equals(f.ArticleId, article.Id, StringComparison.OrdinalIgnoreCase));
        copy.NotHelpfulCount = feedback.Count(f => !f.Helpful && string.Equals(f.ArticleId, article.Id, StringComparison.OrdinalIgnoreCase));
        return copy;
    }

    public Task<IReadOnlyList<KnowledgeFeedback>> ListFeedbackAsync(CancellationToken cancellationToken)
    {
        lock (gate) return Task.FromResult<IReadOnlyList<KnowledgeFeedback>>([.. feedback]);
    }

    public Task<IReadOnlyList<FeedbackTally>> ListFeedbackTalliesAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<FeedbackTally> tallies = feedback
                .GroupBy(f => (f.ArticleId, f.QueryTerms))
                .Select(g => new FeedbackTally(g.Key.ArticleId, g.Key.QueryTerms, g.Count(f => f.Helpful), g.Count(f => !f.Helpful)))
                .ToList();
            return Task.FromResult(tallies);
        }
    }
}
