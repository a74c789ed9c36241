namespace ServiceDesk.Core.Knowledge.Articles;

/// <summary>"Solved it" / "not that" for an article shown for a query.</summary>
public sealed class KnowledgeFeedback
{
    public const int MaxQueryLength = 500;

    public long Id { get; set; }

    public required string ArticleId { get; set; }

    /// <summary>The query's normalised terms, sorted and space-joined: what "similar queries" are compared on.</summary>
    public required string QueryTerms { get; set; }

    /// <summary>The query as typed (truncated).</summary>
    public required string QueryText { get; set; }

    public bool Helpful { get; set; }

    /// <summary>Who answered: an erasure deletes their feedback by it. Null on feedback recorded before it was kept.</summary>
    public string? PersonId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
