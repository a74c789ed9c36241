namespace ServiceDesk.Core.Knowledge.Articles;

public static class KnowledgeArticleStatus
{
    public const string Draft = "draft";
    public const string Published = "published";

    public static string? Normalize(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" or Published => Published,
        Draft => Draft,
        _ => null,
    };
}
