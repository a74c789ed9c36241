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
            return Task.FromResult(articles.TryGetValue(id, out var a) ? a.Clone() : null);
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
            if (!articles.TryGetValue(item.ArticleId, out var article))
            {
                throw new KeyNotFoundException($"No article '{item.ArticleId}'.");
            }
            item.Id = feedback.Count + 1;
            feedback.Add(item);
            if (item.Helpful) article.HelpfulCount++;
            else article.NotHelpfulCount++;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<KnowledgeFeedback>> ListFeedbackAsync(CancellationToken cancellationToken)
    {
        lock (gate) return Task.FromResult<IReadOnlyList<KnowledgeFeedback>>([.. feedback]);
    }
}
