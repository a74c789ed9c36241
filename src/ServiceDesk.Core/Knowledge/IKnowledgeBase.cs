using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Knowledge;

/// <summary>
/// What the conversation engine needs from the knowledge base: suggestions for a problem text,
/// feedback on them, and turning a resolved ticket into a draft article.
/// </summary>
public interface IKnowledgeBase
{
    /// <summary>Searches published articles. <paramref name="language"/> is the user's language (en|ru|pl) or null to guess.</summary>
    Task<KnowledgeSearchResult> SearchAsync(string query, string? language, int top, CancellationToken cancellationToken);

    /// <summary>
    /// Records "solved it" (<paramref name="helpful"/> true) or "not that" for the articles shown for a query, in the
    /// turn's unit of work <paramref name="turn"/>: saved with the turn or not at all (a turn run again counts once),
    /// heard by the search once saved. Articles deleted meanwhile are left out. <paramref name="personId"/> is who
    /// answered (forgetting them deletes it).
    /// </summary>
    Task RecordFeedbackAsync(ServiceDeskDbContext turn, string personId, IReadOnlyList<string> articleIds, string query, bool helpful, CancellationToken cancellationToken);

    /// <summary>Creates (or refreshes) a draft article from a resolved ticket; returns its id.</summary>
    Task<string> CreateDraftAsync(KnowledgeDraftRequest request, CancellationToken cancellationToken);

    /// <summary>Publishes a draft so that it is searchable at once. Null when no such article exists.</summary>
    Task<KnowledgeArticleSummary?> PublishAsync(string articleId, CancellationToken cancellationToken);

    Task<KnowledgeArticleSummary?> FindAsync(string articleId, CancellationToken cancellationToken);
}

public sealed record KnowledgeSearchResult(IReadOnlyList<KnowledgeHit> Hits, bool Confident)
{
    public static KnowledgeSearchResult Empty { get; } = new([], false);
}

public sealed record KnowledgeHit(string ArticleId, string Title, string Language, double Score, double Coverage, string Snippet);

public sealed record KnowledgeArticleSummary(string Id, string Title, string Language, string Status, string? SourceTicket);

public sealed record KnowledgeDraftRequest(
    string TicketKey,
    string Title,
    string Problem,
    string Resolution,
    string? Category,
    string Language);
