using System.Text;
using ServiceDesk.Core.Knowledge.Articles;

namespace ServiceDesk.Core.Knowledge.Transfer;

/// <summary>
/// Import and export of a folder of Markdown articles. Import is idempotent: unchanged files change
/// nothing, changed ones update the stored article (keeping its feedback counters), a malformed file
/// is reported with its name and line and skipped while the rest goes on. Nothing stored is deleted.
/// </summary>
public sealed class KnowledgeTransfer(KnowledgeBase knowledgeBase, TimeProvider time)
{
    public async Task<KnowledgeImportReport> ImportAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder '{folder}' does not exist.");
        }
        var now = time.GetUtcNow();
        List<string> added = [], updated = [], unchanged = [];
        List<ArticleFileResult> rejected = [];
        var toSave = new List<KnowledgeArticle>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            if (fileName.Equals("README.md", StringComparison.OrdinalIgnoreCase)) continue;
            string content;
            try
            {
                content = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken);
            }
            catch (IOException e)
            {
                rejected.Add(ArticleFileResult.Fail(fileName, 0, "cannot read the file: " + e.Message));
                continue;
            }
            var parsed = ArticleFileParser.Parse(fileName, content, now);
            if (parsed.Article is not { } article)
            {
                rejected.Add(parsed);
                continue;
            }
            if (seen.TryGetValue(article.Id, out var firstFile))
            {
                rejected.Add(ArticleFileResult.Fail(fileName, 2, $"id '{article.Id}' is already used by {firstFile}"));
                continue;
            }
            seen[article.Id] = fileName;

            var stored = await knowledgeBase.Store.FindAsync(article.Id, cancellationToken);
            if (stored is null)
            {
                added.Add(article.Id);
                toSave.Add(article);
            }
            else if (stored.HasSameContent(article))
            {
                unchanged.Add(article.Id);
            }
            else
            {
                article.SourceTicket ??= stored.SourceTicket;
                updated.Add(article.Id);
                toSave.Add(article);
            }
        }
        if (toSave.Count > 0) await knowledgeBase.SaveAsync(toSave, cancellationToken);
        return new KnowledgeImportReport(added, updated, unchanged, rejected);
    }

    /// <summary>Writes every stored article (drafts too) as {id}.md; returns how many.</summary>
    public async Task<int> ExportAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var articles = await knowledgeBase.Store.ListAsync(publishedOnly: false, cancellationToken);
        foreach (var article in articles)
        {
            var path = Path.Combine(folder, article.Id + ".md");
            await File.WriteAllTextAsync(path, ArticleFileWriter.Write(article), new UTF8Encoding(false), cancellationToken);
        }
        return articles.Count;
    }
}
