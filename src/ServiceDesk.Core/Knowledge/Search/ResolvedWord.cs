using ServiceDesk.Core.Knowledge.Analysis;

namespace ServiceDesk.Core.Knowledge.Search;

/// <summary>A query word resolved against the index vocabulary: the term ids it may match with their weights, and its importance (idf).</summary>
public sealed record ResolvedWord(QueryWord Word, IReadOnlyList<(int TermId, double Weight, TermOrigin Origin)> Terms, double Importance)
{
    public bool Known => Terms.Count > 0;
}
