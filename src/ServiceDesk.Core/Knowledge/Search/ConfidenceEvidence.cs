namespace ServiceDesk.Core.Knowledge.Search;

/// <summary>
/// What the confidence rule looks at for the best article: idf-weighted coverage of the query's
/// informative words (overall and by title + tags), the idf its matches carry, and its lead.
/// </summary>
public readonly record struct ConfidenceEvidence(double Coverage, double ProminentCoverage, double MatchedIdf, double BestScore, double SecondScore);
