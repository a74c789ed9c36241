using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;

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
                var entry = db.Entry(stored);
                entry.CurrentValues.SetValues(article);
                stored.Tags = [.. article.Tags];
                // the counters belong to the feedback (AddFeedbackAsync): an edit made from an older copy must not undo it
                entry.Property(a => a.HelpfulCount).IsModified = false;
                entry.Property(a => a.NotHelpfulCount).IsModified = false;
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

    /// <summary>
    /// The row and the article's counter in one transaction, the counter moved by the database (<c>SET n = n + 1</c>):
    /// read, incremented here and written back, it lost about half the answers of people answering at once.
    /// </summary>
    public async Task AddFeedbackAsync(KnowledgeFeedback feedback, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db is ServiceDeskDbContext desk)
            await desk.RunWriteTransactionAsync(ct => AddFeedbackAsync(db, feedback, ct), cancellationToken); // SQLite: holds the write gate
        else
            await AddFeedbackAsync(db, feedback, cancellationToken);
    }

    private static async Task<bool> AddFeedbackAsync(TContext db, KnowledgeFeedback feedback, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var articles = db.Set<KnowledgeArticle>().Where(a => a.Id == feedback.ArticleId);
        var counted = feedback.Helpful
            ? await articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.HelpfulCount, a => a.HelpfulCount + 1), ct)
            : await articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.NotHelpfulCount, a => a.NotHelpfulCount + 1), ct);
        if (counted == 0) throw new KeyNotFoundException($"No article '{feedback.ArticleId}'.");
        db.Add(feedback);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<KnowledgeFeedback>> ListFeedbackAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<KnowledgeFeedback>().AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken);
    }
}
