using Microsoft.EntityFrameworkCore;

namespace ServiceDesk.Core.Knowledge.Articles;

/// <summary>
/// The knowledge store in the main EF Core database (SQLite or PostgreSQL). Each call uses its own
/// context from the factory, so the singleton knowledge base can use it from any thread.
/// </summary>
public sealed class EfKnowledgeStore<TContext>(IDbContextFactory<TContext> factory) : IKnowledgeStore
    where TContext : DbContext
{
    public async Task<IReadOnlyList<KnowledgeArticle>> ListAsync(bool publishedOnly, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<KnowledgeArticle>().AsNoTracking();
        if (publishedOnly) query = query.Where(a => a.Status == KnowledgeArticleStatus.Published);
        return await query.OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    public async Task<KnowledgeArticle?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var article = await db.Set<KnowledgeArticle>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null) return null;
        var counts = await db.Set<KnowledgeFeedback>().Where(f => f.ArticleId == id).GroupBy(f => f.Helpful)
            .Select(g => new { Helpful = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        article.HelpfulCount = counts.Where(c => c.Helpful).Sum(c => c.Count);
        article.NotHelpfulCount = counts.Where(c => !c.Helpful).Sum(c => c.Count);
        return article;
    }

    public async Task SaveAsync(IReadOnlyCollection<KnowledgeArticle> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = articles.Select(a => a.Id).ToList();
        var existing = await db.Set<KnowledgeArticle>().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var article in articles)
        {
            if (existing.TryGetValue(article.Id, out var stored))
            {
                db.Entry(stored).CurrentValues.SetValues(article);
                stored.Tags = [.. article.Tags];
            }
            else
            {
                db.Add(article.Clone());
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<KnowledgeArticle>().CountAsync(cancellationToken);
    }

    public async Task<KnowledgeStoreStamp> GetStampAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var count = await db.Set<KnowledgeArticle>().CountAsync(cancellationToken);
        var last = await db.Set<KnowledgeArticle>().OrderByDescending(a => a.UpdatedAt)
            .Select(a => (DateTimeOffset?)a.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var feedback = await db.Set<KnowledgeFeedback>().LongCountAsync(cancellationToken);
        return new KnowledgeStoreStamp(count, last, feedback);
    }

    public async Task AddFeedbackAsync(KnowledgeFeedback feedback, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if ((await StageFeedbackAsync(db, [feedback], cancellationToken)).Count == 0)
            throw new KeyNotFoundException($"There is no knowledge-base article '{feedback.ArticleId}'.");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the feedback on articles that exist to <paramref name="unitOfWork"/> (a context of this store's database).</summary>
    public async Task<IReadOnlyList<KnowledgeFeedback>> StageFeedbackAsync(DbContext unitOfWork, IReadOnlyList<KnowledgeFeedback> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(f => f.ArticleId).Distinct(StringComparer.Ordinal).ToList();
        var existing = (await unitOfWork.Set<KnowledgeArticle>().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var staged = items.Where(f => existing.Contains(f.ArticleId)).ToList();
        unitOfWork.AddRange(staged);
        return staged;
    }

    public async Task<IReadOnlyList<KnowledgeFeedback>> ListFeedbackAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<KnowledgeFeedback>().AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackTally>> ListFeedbackTalliesAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<KnowledgeFeedback>()
            .GroupBy(f => new { f.ArticleId, f.QueryTerms })
            .Select(g => new FeedbackTally(g.Key.ArticleId, g.Key.QueryTerms, g.Count(f => f.Helpful), g.Count(f => !f.Helpful)))
            .ToListAsync(cancellationToken);
    }
}
