using ServiceDesk.Core.Knowledge.Articles;

namespace ServiceDesk.Core.Knowledge.Transfer;

/// <summary>A parsed article file, or why it was rejected (file name, line, message).</summary>
public sealed record ArticleFileResult(string FileName, KnowledgeArticle? Article, int Line, string? Error)
{
    public static ArticleFileResult Ok(string fileName, KnowledgeArticle article) => new(fileName, article, 0, null);

    public static ArticleFileResult Fail(string fileName, int line, string error) => new(fileName, null, line, error);

    public override string ToString() => Error is null ? FileName : $"{FileName}:{Line}: {Error}";
}
