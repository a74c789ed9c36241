using ServiceDesk.Core.Knowledge.Analysis;

namespace ServiceDesk.Core.Knowledge.Search;

/// <summary>A search with what the admin tools show: the analysed query, the hits and why it is (not) confident.</summary>
public sealed record KnowledgeSearchOutcome(
    AnalyzedQuery Query,
    IReadOnlyList<KnowledgeHit> Hits,
    bool Confident,
    string Reason)
{
    public KnowledgeSearchResult ToResult() => new(Hits, Confident);
}
