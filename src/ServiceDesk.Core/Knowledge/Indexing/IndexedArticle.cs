namespace ServiceDesk.Core.Knowledge.Indexing;

/// <summary>
/// What the index keeps in memory per article for re-scoring: sorted term ids with their
/// field-weighted term frequencies (BM25F style), the weighted length, and display data.
/// </summary>
public sealed record IndexedArticle(
    string ArticleId,
    string Title,
    string Language,
    string Snippet,
    int[] TermIds,
    float[] WeightedFrequencies,
    float[] TitleOrTagFrequencies,
    float Length)
{
    public int IndexOf(int termId) => Array.BinarySearch(TermIds, termId);
}
