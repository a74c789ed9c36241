using Microsoft.Data.Sqlite;

namespace ServiceDesk.Core.Knowledge.Indexing;

/// <summary>
/// One generation of the search index: an SQLite FTS5 table over the analysed (stemmed) title,
/// tags and body, plus the in-memory vocabulary (document frequencies), typo candidates and
/// per-article term statistics used to re-score candidates. All access goes through <see cref="Gate"/>.
/// </summary>
public sealed class IndexSnapshot : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly string? filePath;
    private readonly Dictionary<string, int> termIds = new(StringComparer.Ordinal);
    private readonly List<string> terms = [];
    private readonly List<int> documentFrequencies = [];
    private readonly List<IndexedArticle?> articles = [null];
    private readonly Dictionary<string, int> rowByArticle = new(StringComparer.OrdinalIgnoreCase);
    private readonly TypoCandidateIndex typos = new();
    private double totalLength;
    private int[]? sortedTerms;

    public IndexSnapshot(string? filePath)
    {
        this.filePath = filePath;
        if (filePath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(filePath))!);
            if (File.Exists(filePath)) File.Delete(filePath);
        }
        connection = new SqliteConnection(filePath is null ? "Data Source=:memory:" : $"Data Source={filePath};Pooling=False");
        connection.Open();
        Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        Execute("CREATE VIRTUAL TABLE kb USING fts5(title, tags, body, tokenize = 'unicode61 remove_diacritics 0')");
    }

    public Lock Gate { get; } = new();

    public int ArticleCount => rowByArticle.Count;

    /// <summary>True once replaced by a newer snapshot and closed; readers then move to the current one.</summary>
    public bool IsDisposed { get; private set; }

    public int VocabularySize => terms.Count;

    public double AverageLength => rowByArticle.Count == 0 ? 1 : totalLength / rowByArticle.Count;

    public string Term(int id) => terms[id];

    public int? TermId(string term) => termIds.TryGetValue(term, out var id) && documentFrequencies[id] > 0 ? id : null;

    public int DocumentFrequency(int termId) => documentFrequencies[termId];

    /// <summary>BM25 inverse document frequency (always positive).</summary>
    public double Idf(int documentFrequency) =>
        Math.Log(1 + (ArticleCount - documentFrequency + 0.5) / (documentFrequency + 0.5));

    public IndexedArticle Article(long row) => articles[(int)row]!;

    public IEnumerable<(int TermId, int Distance)> TypoCandidates(string word) =>
        typos.Find(word, Term).Where(c => documentFrequencies[c.TermId] > 0);

    public IEnumerable<string> ArticleIds => rowByArticle.Keys;

    /// <summary>Index terms that start with <paramref name="prefix"/> (derived or longer forms of a truncated word), most frequent first.</summary>
    public IEnumerable<int> TermsStartingWith(string prefix, int limit)
    {
        if (sortedTerms is null || sortedTerms.Length != terms.Count)
        {
            sortedTerms = [.. Enumerable.Range(0, terms.Count)];
            Array.Sort(sortedTerms, (a, b) => string.CompareOrdinal(terms[a], terms[b]));
        }
        var lo = 0;
        var hi = sortedTerms.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(terms[sortedTerms[mid]], prefix) < 0) lo = mid + 1;
            else hi = mid;
        }
        var found = new List<int>();
        for (var i = lo; i < sortedTerms.Length && terms[sortedTerms[i]].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            var id = sortedTerms[i];
            if (documentFrequencies[id] > 0 && terms[id].Length > prefix.Length) found.Add(id);
            if (found.Count >= 200) break;
        }
        return found.OrderByDescending(id => documentFrequencies[id]).Take(limit);
    }

    /// <summary>Adds or replaces an article. <paramref name="fields"/> are analysed terms per field.</summary>
    public void Upsert(string articleId, string title, string language, string snippet, AnalysedFields fields)
    {
        Remove(articleId);
        var frequencies = new Dictionary<int, (float Weighted, float Prominent)>();
        void Count(List<string> fieldTerms, double weight, bool prominent)
        {
            foreach (var term in fieldTerms)
            {
                var id = Intern(term);
                frequencies.TryGetValue(id, out var f);
                frequencies[id] = ((float)(f.Weighted + weight), prominent ? f.Prominent + 1 : f.Prominent);
            }
        }
        Count(fields.Title, FieldWeights.Title, prominent: true);
        Count(fields.Tags, FieldWeights.Tags, prominent: true);
        Count(fields.Body, FieldWeights.Body, prominent: false);

        var ids = frequencies.Keys.ToArray();
        Array.Sort(ids);
        foreach (var id in ids) documentFrequencies[id]++;
        var length = (float)(fields.Title.Count * FieldWeights.Title + fields.Tags.Count * FieldWeights.Tags + fields.Body.Count * FieldWeights.Body);
        var article = new IndexedArticle(
            articleId, title, language, snippet, ids,
            ids.Select(i => frequencies[i].Weighted).ToArray(),
            ids.Select(i => frequencies[i].Prominent).ToArray(),
            length);

        var row = articles.Count;
        articles.Add(article);
        rowByArticle[articleId] = row;
        totalLength += length;

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO kb(rowid, title, tags, body) VALUES ($row, $title, $tags, $body)";
        insert.Parameters.AddWithValue("$row", row);
        insert.Parameters.AddWithValue("$title", string.Join(' ', fields.Title));
        insert.Parameters.AddWithValue("$tags", string.Join(' ', fields.Tags));
        insert.Parameters.AddWithValue("$body", string.Join(' ', fields.Body));
        insert.ExecuteNonQuery();
    }

    public bool Remove(string articleId)
    {
        if (!rowByArticle.Remove(articleId, out var row)) return false;
        var article = articles[row]!;
        foreach (var id in article.TermIds) documentFrequencies[id]--;
        totalLength -= article.Length;
        articles[row] = null;
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM kb WHERE rowid = $row";
        delete.Parameters.AddWithValue("$row", row);
        delete.ExecuteNonQuery();
        return true;
    }

    /// <summary>Rows matching any of the terms, best FTS5 bm25 (field-weighted) first.</summary>
    public List<long> Candidates(IReadOnlyCollection<string> matchTerms, int limit)
    {
        var rows = new List<long>(limit);
        if (matchTerms.Count == 0) return rows;
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT rowid FROM kb WHERE kb MATCH $match ORDER BY bm25(kb, {FieldWeights.Fts5Bm25Arguments}) LIMIT $limit";
        query.Parameters.AddWithValue("$match", Fts5Match.AnyOf(matchTerms));
        query.Parameters.AddWithValue("$limit", limit);
        using var reader = query.ExecuteReader();
        while (reader.Read()) rows.Add(reader.GetInt64(0));
        return rows;
    }

    public void RunInTransaction(Action action)
    {
        using var transaction = connection.BeginTransaction();
        action();
        transaction.Commit();
    }

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        connection.Dispose();
        if (filePath is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                File.Delete(filePath);
            }
            catch (IOException)
            {
                // a derived index file; a leftover is harmless and replaced on the next build
            }
        }
    }

    private int Intern(string term)
    {
        if (termIds.TryGetValue(term, out var id)) return id;
        id = terms.Count;
        terms.Add(term);
        documentFrequencies.Add(0);
        termIds[term] = id;
        typos.Add(term, id);
        return id;
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
