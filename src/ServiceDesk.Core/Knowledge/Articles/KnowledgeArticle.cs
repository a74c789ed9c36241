namespace ServiceDesk.Core.Knowledge.Articles;

/// <summary>A knowledge-base article as stored in the main store (the search index is derived from these).</summary>
public sealed class KnowledgeArticle
{
    public const int MaxIdLength = 100;
    public const int MaxTitleLength = 300;

    public required string Id { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown.</summary>
    public string Body { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    /// <summary>en | ru | pl.</summary>
    public required string Language { get; set; }

    public string? Category { get; set; }

    public string Status { get; set; } = KnowledgeArticleStatus.Published;

    /// <summary>The ticket key the article was drafted from (SD-12), if any.</summary>
    public string? SourceTicket { get; set; }

    /// <summary>"Solved it" answers: counted from its feedback by <see cref="IKnowledgeStore.FindAsync"/>, not stored with it.</summary>
    public int HelpfulCount { get; set; }

    /// <summary>"Not that" answers: counted from its feedback by <see cref="IKnowledgeStore.FindAsync"/>, not stored with it.</summary>
    public int NotHelpfulCount { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsPublished => Status == KnowledgeArticleStatus.Published;

    /// <summary>True when the content that import/export carries is the same (counters and times aside).</summary>
    public bool HasSameContent(KnowledgeArticle other) =>
        Title == other.Title && Body.TrimEnd() == other.Body.TrimEnd() && Language == other.Language
        && Category == other.Category && Tags.SequenceEqual(other.Tags) && Status == other.Status;

    public KnowledgeArticle Clone() => new()
    {
        Id = Id, Title = Title, Body = Body, Tags = [.. Tags], Language = Language, Category = Category, Status = Status,
        SourceTicket = SourceTicket, HelpfulCount = HelpfulCount, NotHelpfulCount = NotHelpfulCount, UpdatedAt = UpdatedAt,
    };

    public KnowledgeArticleSummary ToSummary() => new(Id, Title, Language, Status, SourceTicket);
}
