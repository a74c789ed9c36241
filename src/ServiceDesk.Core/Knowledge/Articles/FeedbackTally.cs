namespace ServiceDesk.Core.Knowledge.Articles;

/// <summary>The feedback one article got for one query (its normalised terms): how many "solved it", how many "not that".</summary>
public sealed record FeedbackTally(string ArticleId, string QueryTerms, int Helpful, int NotHelpful);
