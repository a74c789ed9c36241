namespace ServiceDesk.Core.Knowledge.Search;

/// <summary>The knobs of ranking and confidence. Defaults are tuned on the evaluation set as general rules, not per query.</summary>
public sealed class SearchTuning
{
    public static SearchTuning Default { get; } = new();

    /// <summary>How many FTS5 bm25 candidates are re-scored.</summary>
    public int CandidateLimit { get; init; } = 50;

    /// <summary>
    /// How many postings the candidate query may read: the rarest query terms are used until this many
    /// (articles that match only very common words cannot win on BM25 anyway). Bounds latency on big KBs.
    /// </summary>
    public int CandidatePostingsBudget { get; init; } = 1500;

    /// <summary>Query words analysed at most (the rest of a very long text is ignored).</summary>
    public int MaxQueryWords { get; init; } = 32;

    public double K1 { get; init; } = 1.2;

    public double B { get; init; } = 0.75;

    /// <summary>Weight of a typo candidate at edit distance 1 and 2 (exact and stemmed matches weigh 1).</summary>
    public double TypoWeight1 { get; init; } = 0.6;

    public double TypoWeight2 { get; init; } = 0.4;

    public int TypoCandidatesPerWord { get; init; } = 3;

    /// <summary>Weight of a longer index term that starts with the stem of an unknown word (0 turns it off).</summary>
    public double PrefixWeight { get; init; } = 0.5;

    /// <summary>Shortest stem that looks for longer terms starting with it.</summary>
    public int MinPrefixLength { get; init; } = 5;

    /// <summary>Score factor for an article in another language than the user's.</summary>
    public double OtherLanguageFactor { get; init; } = 0.75;

    /// <summary>How much coverage (share of the query's informative weight matched) scales the score.</summary>
    public double CoverageInfluence { get; init; } = 0.5;

    /// <summary>How much the share of the query matched in title and tags raises the score (BM25 saturation alone flattens field weights).</summary>
    public double ProminenceInfluence { get; init; } = 1.0;

    /// <summary>Importance of a query word the index does not know at all, as a multiple of the rarest term's idf: a word no article uses is strong evidence that the topic is not covered.</summary>
    public double UnknownWordImportance { get; init; } = 1.5;

    /// <summary>Confident when the best article covers at least this share of the query...</summary>
    public double MinCoverage { get; init; } = 0.5;

    /// <summary>...and its title and tags alone cover at least this share (the article is about the query, not mentioning it)...</summary>
    public double MinProminentCoverage { get; init; } = 0.2;

    /// <summary>
    /// ...and the matched words carry at least this much idf, as a share of the idf of a word found in one article
    /// (so it scales with the size of the knowledge base): one generic word is not enough...
    /// </summary>
    public double MinMatchedIdfShare { get; init; } = 0.55;

    /// <summary>...and, below <see cref="StrongCoverage"/>, it leads the next article by this score ratio.</summary>
    public double StrongCoverage { get; init; } = 0.8;

    public double MinMarginRatio { get; init; } = 1.25;

    /// <summary>A copy with settings from "Name=value;Name=value" (admin tuning runs); unknown names are errors.</summary>
    public static SearchTuning Parse(string settings)
    {
        var tuning = new SearchTuning();
        foreach (var pair in settings.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            var property = typeof(SearchTuning).GetProperty(parts[0])
                ?? throw new ArgumentException($"Unknown search tuning setting '{parts[0]}'.");
            if (parts.Length != 2) throw new ArgumentException($"Search tuning setting '{parts[0]}' needs '=value'.");
            var value = Convert.ChangeType(parts[1], property.PropertyType, System.Globalization.CultureInfo.InvariantCulture);
            property.SetValue(tuning, value);
        }
        return tuning;
    }
}
