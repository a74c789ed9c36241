namespace ServiceDesk.Core.Knowledge.Search;

/// <summary>
/// What the confidence rule looks at for the best article: idf-weighted coverage of the query's
/// informative words (overall and by title + tags), the idf its matches carry (relative to the idf of a
/// word found in one article), and its lead over the next article.
/// </summary>
public readonly record struct ConfidenceEvidence(double Coverage, double ProminentCoverage, double MatchedIdf, double BestScore, double SecondScore);
