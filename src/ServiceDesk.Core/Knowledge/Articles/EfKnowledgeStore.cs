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
        return await db.Set<KnowledgeArticle>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
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
        var article = await db.Set<KnowledgeArticle>().FirstOrDefaultAsync(a => a.Id == feedback.ArticleId, cancellationToken)
            ?? throw new KeyNotFoundException($"No article '{feedback.ArticleId}'.");
        if (feedback.Helpful) article.HelpfulCount++;
        else article.NotHelpfulCount++;
        db.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<KnowledgeFeedback>> ListFeedbackAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<KnowledgeFeedback>().AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken);
    }
}
