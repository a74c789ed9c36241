namespace ServiceDesk.Core.Knowledge.Indexing;

/// <summary>Field weights: title and tags count above the body, both in FTS5 bm25() and in the re-scoring.</summary>
public static class FieldWeights
{
    public const double Title = 3.0;
    public const double Tags = 2.5;
    public const double Body = 1.0;

    /// <summary>The bm25() argument list for the (title, tags, body) FTS5 columns.</summary>
    public const string Fts5Bm25Arguments = "3.0, 2.5, 1.0";
}
