using System.Collections.Concurrent;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tests.Harness;

/// <summary>
/// A knowledge base for conversation tests: an article is a confident hit when one of its keywords is in the query.
/// It records the feedback it is given.
/// </summary>
public sealed class FakeKnowledgeBase : IKnowledgeBase
{
    private readonly List<(string Id, string Language, string Title, string Snippet, string[] Keywords)> _articles =
    [
        ("vpn-en", "en", "VPN does not connect", "Restart the VPN client and check the date and time.", ["vpn"]),
        ("vpn-ru", "ru", "Не подключается VPN", "Перезапустите VPN-клиент и проверьте дату и время.", ["vpn", "впн"]),
        ("vpn-pl", "pl", "VPN nie łączy się", "Uruchom ponownie klienta VPN i sprawdź datę i godzinę.", ["vpn"]),
    ];

    public ConcurrentQueue<(string Article, string Query, bool Helpful)> Feedback { get; } = new();

    public Task<KnowledgeSearchResult> SearchAsync(string query, string? language, int top, CancellationToken cancellationToken)
    {
        var q = query.ToLowerInvariant();
        var hits = _articles.Where(a => a.Keywords.Any(q.Contains))
            .OrderBy(a => a.Language == language ? 0 : 1)
            .GroupBy(a => a.Keywords[0]).Select(g => g.First())
            .Select(a => new KnowledgeHit(a.Id, a.Title, a.Language, 1, 1, a.Snippet)).Take(top).ToList();
        return Task.FromResult(new KnowledgeSearchResult(hits, hits.Count > 0));
    }

    public Task RecordFeedbackAsync(ServiceDeskDbContext turn, string personId, IReadOnlyList<string> articleIds, string query, bool helpful, CancellationToken cancellationToken)
    {
        foreach (var articleId in articleIds) Feedback.Enqueue((articleId, query, helpful));
        return Task.CompletedTask;
    }

    public Task<string> CreateDraftAsync(KnowledgeDraftRequest request, CancellationToken cancellationToken) => Task.FromResult("kb-draft");

    public Task<KnowledgeArticleSummary?> PublishAsync(string articleId, CancellationToken cancellationToken) => Task.FromResult<KnowledgeArticleSummary?>(null);

    public Task<KnowledgeArticleSummary?> FindAsync(string articleId, CancellationToken cancellationToken) => Task.FromResult<KnowledgeArticleSummary?>(null);
}
