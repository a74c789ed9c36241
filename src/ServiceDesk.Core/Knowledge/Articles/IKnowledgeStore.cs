using Microsoft.EntityFrameworkCore;

namespace ServiceDesk.Core.Knowledge.Articles;

/// <summary>Where articles and feedback live: the main EF Core store, or memory in tests and tools.</summary>
public interface IKnowledgeStore
{
    /// <summary>The articles for the search index and export, without their helpful / not-helpful counts.</summary>
    Task<IReadOnlyList<KnowledgeArticle>> ListAsync(bool publishedOnly, CancellationToken cancellationToken);

    /// <summary>One article with its helpful / not-helpful counts, counted from its feedback.</summary>
    Task<KnowledgeArticle?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the articles in one transaction.</summary>
    Task SaveAsync(IReadOnlyCollection<KnowledgeArticle> articles, CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Count and newest update time: another replica's change shows up here.</summary>
    Task<KnowledgeStoreStamp> GetStampAsync(CancellationToken cancellationToken);

    /// <summary>Stores the feedback (the article's helpful / not-helpful counts are counted from it when read).</summary>
    Task AddFeedbackAsync(KnowledgeFeedback feedback, CancellationToken cancellationToken);

    /// <summary>
    /// Adds feedback to <paramref name="unitOfWork"/>, a unit of work of the main store (a conversation turn's), to be
    /// written with it or not at all; returns the items whose article exists (the others are left out). A store that
    /// is not in the main database keeps them at once.
    /// </summary>
    Task<IReadOnlyList<KnowledgeFeedback>> StageFeedbackAsync(DbContext unitOfWork, IReadOnlyList<KnowledgeFeedback> items, CancellationToken cancellationToken);

    Task<IReadOnlyList<KnowledgeFeedback>> ListFeedbackAsync(CancellationToken cancellationToken);

    /// <summary>The feedback counted per article and query: what the search's ranking needs, one row per distinct query.</summary>
    Task<IReadOnlyList<FeedbackTally>> ListFeedbackTalliesAsync(CancellationToken cancellationToken);
}

public readonly record struct KnowledgeStoreStamp(int Count, DateTimeOffset? LastUpdated, long FeedbackCount);
