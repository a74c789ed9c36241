using ServiceDesk.Core.Knowledge.Analysis;
using ServiceDesk.Core.Knowledge.Articles;

namespace ServiceDesk.Core.Knowledge.Indexing;

/// <summary>
/// The search index derived from the stored published articles. A rebuild makes a new
/// <see cref="IndexSnapshot"/> aside and swaps it in, so searches never wait for a rebuild;
/// single-article changes (publish, import) go into the current snapshot at once.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private readonly TextAnalyzer analyzer;
    private readonly string? indexPath;
    private readonly Lock rebuildGate = new();
    private IndexSnapshot current;
    private int generation;

    public KnowledgeIndex(TextAnalyzer analyzer, string? indexPath = null)
    {
        this.analyzer = analyzer;
        this.indexPath = string.IsNullOrWhiteSpace(indexPath) ? null : indexPath;
        current = new IndexSnapshot(NextFile());
    }

    public TextAnalyzer Analyzer => analyzer;

    public int Count => Read(s => s.ArticleCount);

    /// <summary>Runs a read under the current snapshot's lock.</summary>
    public T Read<T>(Func<IndexSnapshot, T> read)
    {
        while (true)
        {
            var snapshot = Volatile.Read(ref current);
            lock (snapshot.Gate)
            {
                // a rebuild may have swapped and closed this snapshot between the read and the lock
                if (!snapshot.IsDisposed) return read(snapshot);
            }
        }
    }

    public void Rebuild(IEnumerable<KnowledgeArticle> articles)
    {
        lock (rebuildGate)
        {
            var fresh = new IndexSnapshot(NextFile());
            var prepared = articles
                .Where(a => a.IsPublished)
                .AsParallel().AsOrdered()
                .Select(a => (Article: a, Fields: ArticleAnalysis.Analyse(analyzer, a), Snippet: ArticleAnalysis.Snippet(a.Body)))
                .ToList();
            fresh.RunInTransaction(() =>
            {
                foreach (var (a, fields, snippet) in prepared)
                {
                    fresh.Upsert(a.Id, a.Title, a.Language, snippet, fields);
                }
            });
            var old = Interlocked.Exchange(ref current, fresh);
            lock (old.Gate) old.Dispose();
        }
    }

    /// <summary>Indexes a published article, or removes it from the index when it is a draft.</summary>
    public void Upsert(KnowledgeArticle article)
    {
        var fields = ArticleAnalysis.Analyse(analyzer, article);
        var snippet = ArticleAnalysis.Snippet(article.Body);
        lock (rebuildGate)
        {
            var snapshot = current;
            lock (snapshot.Gate)
            {
                if (article.IsPublished) snapshot.Upsert(article.Id, article.Title, article.Language, snippet, fields);
                else snapshot.Remove(article.Id);
            }
        }
    }

    public void Dispose()
    {
        lock (rebuildGate)
        {
            lock (current.Gate) current.Dispose();
        }
    }

    private string? NextFile()
    {
        if (indexPath is null) return null;
        generation++;
        var directory = Path.GetDirectoryName(Path.GetFullPath(indexPath))!;
        return Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(indexPath)}.{Environment.ProcessId}.{generation}{Path.GetExtension(indexPath)}");
    }
}
