namespace ServiceDesk.Core.Knowledge.Articles;

/// <summary>Where articles and feedback live: the main EF Core store, or memory in tests and tools.</summary>
public interface IKnowledgeStore
{
    Task<IReadOnlyList<KnowledgeArticle>> ListAsync(bool publishedOnly, CancellationToken cancellationToken);

    Task<KnowledgeArticle?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the articles in one transaction.</summary>
    Task SaveAsync(IReadOnlyCollection<KnowledgeArticle> articles, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Count and newest update time: another replica's change shows up here.</summary>
    Task<KnowledgeStoreStamp> GetStampAsync(CancellationToken cancellationToken);

    /// <summary>Stores the feedback and moves the article's helpful / not-helpful counter, in one transaction.</summary>
    Task AddFeedbackAsync(KnowledgeFeedback feedback, CancellationToken cancellationToken);

    Task<IReadOnlyList<KnowledgeFeedback>> ListFeedbackAsync(CancellationToken cancellationToken);
}

public readonly record struct KnowledgeStoreStamp(int Count, DateTimeOffset? LastUpdated, long FeedbackCount);
