using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Knowledge.Indexing;
using ServiceDesk.Core.Knowledge.Search;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Knowledge;

/// <summary>
/// The knowledge base: articles and feedback in the store, the derived search index in its own
/// SQLite database. Changes made here reach the index at once; changes by other replicas are
/// picked up by <see cref="RefreshAsync"/> (polled by <see cref="KnowledgeIndexRefresher"/>).
/// </summary>
public sealed class KnowledgeBase(
    IKnowledgeStore store,
    KnowledgeIndex index,
    FeedbackMemory feedback,
    KnowledgeSearcher searcher,
    TimeProvider time) : IKnowledgeBase
{
    private readonly SemaphoreSlim refreshGate = new(1, 1);
    private KnowledgeStoreStamp? indexedStamp;

    public IKnowledgeStore Store => store;

    public KnowledgeIndex Index => index;

    public async Task<KnowledgeSearchResult> SearchAsync(string query, string? language, int top, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query)) return KnowledgeSearchResult.Empty;
        var outcome = await SearchDetailedAsync(query, language, top, cancellationToken);
        return outcome.ToResult();
    }

    /// <summary>Search with the analysed query and the confidence reason (admin tools).</summary>
    public async Task<KnowledgeSearchOutcome> SearchDetailedAsync(string query, string? language, int top, CancellationToken cancellationToken)
    {
        await EnsureIndexedAsync(cancellationToken);
        return searcher.Search(query, language, top);
    }

    /// <summary>Records feedback on its own (tools and tests; a conversation records it in its turn).</summary>
    public async Task RecordFeedbackAsync(string articleId, string query, bool helpful, CancellationToken cancellationToken)
    {
        var item = NewFeedback(articleId, query, helpful, personId: null);
        await store.AddFeedbackAsync(item, cancellationToken); // says so when there is no such article
        Heard([item]);
    }

    public async Task RecordFeedbackAsync(ServiceDeskDbContext turn, string personId, IReadOnlyList<string> articleIds, string query, bool helpful, CancellationToken cancellationToken)
    {
        var staged = await store.StageFeedbackAsync(turn, [.. articleIds.Select(id => NewFeedback(id, query, helpful, personId))], cancellationToken);
        if (staged.Count > 0) turn.Enlist(new SavedFeedback(this, staged));
    }

    /// <summary>Feedback this process saved: the search weighs it at once, and the next refresh does not reload it.</summary>
    internal void Heard(IReadOnlyList<KnowledgeFeedback> items)
    {
        foreach (var item in items) feedback.Add(item);
        if (indexedStamp is { } seen) indexedStamp = seen with { FeedbackCount = seen.FeedbackCount + items.Count };
    }

    private KnowledgeFeedback NewFeedback(string articleId, string? query, bool helpful, string? personId) => new()
    {
        PersonId = personId,
        ArticleId = articleId,
        QueryTerms = searcher.QueryKey(query ?? "", null),
        QueryText = Truncate(query ?? "", KnowledgeFeedback.MaxQueryLength),
        Helpful = helpful,
        CreatedAt = time.GetUtcNow(),
    };

    public async Task<string> CreateDraftAsync(KnowledgeDraftRequest request, CancellationToken cancellationToken)
    {
        var draft = KnowledgeDraft.FromTicket(request, time.GetUtcNow());
        var existing = await store.FindAsync(draft.Id, cancellationToken);
        if (existing is { IsPublished: true }) return existing.Id;
        await SaveAsync([draft], cancellationToken);
        return draft.Id;
    }

    public async Task<KnowledgeArticleSummary?> PublishAsync(string articleId, CancellationToken cancellationToken)
    {
        var article = await store.FindAsync(articleId, cancellationToken);
        if (article is null) return null;
        if (!article.IsPublished)
        {
            article.Status = KnowledgeArticleStatus.Published;
            article.UpdatedAt = time.GetUtcNow();
            await SaveAsync([article], cancellationToken);
        }
        return article.ToSummary();
    }

    public async Task<KnowledgeArticleSummary?> FindAsync(string articleId, CancellationToken cancellationToken) =>
        (await store.FindAsync(articleId, cancellationToken))?.ToSummary();

    public Task<KnowledgeArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken) =>
        store.FindAsync(articleId, cancellationToken);

    /// <summary>Stores articles and indexes them at once (drafts leave the index).</summary>
    public async Task SaveAsync(IReadOnlyCollection<KnowledgeArticle> articles, CancellationToken cancellationToken)
    {
        await EnsureIndexedAsync(cancellationToken);
        var before = await store.GetStampAsync(cancellationToken);
        await store.SaveAsync(articles, cancellationToken);
        foreach (var article in articles) index.Upsert(article);
        if (before == indexedStamp)
        {
            indexedStamp = await store.GetStampAsync(cancellationToken);
        }
        else
        {
            // another replica changed the store since the index was built: take everything in
            await RefreshAsync(force: true, cancellationToken);
        }
    }

    /// <summary>Builds the index on first use.</summary>
    public async Task EnsureIndexedAsync(CancellationToken cancellationToken)
    {
        if (indexedStamp is not null) return;
        await RefreshAsync(force: true, cancellationToken);
    }

    /// <summary>Rebuilds the index from the store when the store changed (or always, with <paramref name="force"/>). True when rebuilt.</summary>
    public async Task<bool> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await refreshGate.WaitAsync(cancellationToken);
        try
        {
            var stamp = await store.GetStampAsync(cancellationToken);
            if (!force && indexedStamp == stamp) return false;
            if (!force && indexedStamp is { } seen && seen with { FeedbackCount = stamp.FeedbackCount } == stamp)
            {
                // only feedback changed (another replica recorded some): reload it, the index stays
                feedback.Replace(await store.ListFeedbackTalliesAsync(cancellationToken));
                indexedStamp = stamp;
                return false;
            }
            var articles = await store.ListAsync(publishedOnly: true, cancellationToken);
            var feedbackTallies = await store.ListFeedbackTalliesAsync(cancellationToken);
            index.Rebuild(articles);
            feedback.Replace(feedbackTallies);
            indexedStamp = stamp;
            return true;
        }
        finally
        {
            refreshGate.Release();
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
