using Markdig;
using ServiceDesk.Core.Knowledge.Analysis;
using ServiceDesk.Core.Knowledge.Articles;

namespace ServiceDesk.Core.Knowledge.Indexing;

/// <summary>Analyses an article's fields in its language and makes its plain-text snippet.</summary>
public static class ArticleAnalysis
{
    public const int SnippetLength = 240;

    public static AnalysedFields Analyse(TextAnalyzer analyzer, KnowledgeArticle article)
    {
        var plain = PlainText(article.Body);
        return new AnalysedFields(
            analyzer.AnalyzeDocument(article.Title, article.Language),
            analyzer.AnalyzeDocument(string.Join(" ", article.Tags) + " " + (article.Category ?? ""), article.Language),
            analyzer.AnalyzeDocument(plain, article.Language));
    }

    public static string PlainText(string markdown) => Markdown.ToPlainText(markdown ?? "");

    public static string Snippet(string markdown)
    {
        var text = string.Join(' ', PlainText(markdown).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= SnippetLength ? text : text[..SnippetLength].TrimEnd() + "…";
    }
}
