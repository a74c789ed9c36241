namespace ServiceDesk.Core.Knowledge.Analysis;

public enum TermOrigin
{
    /// <summary>The word's stem in its language, or the word itself for names and codes.</summary>
    Exact,
    /// <summary>Another spelling of the word: unstemmed form or the other Latin-script language's stem.</summary>
    Variant,
    /// <summary>From the colloquial synonym list.</summary>
    Synonym,
    /// <summary>An index term within 1–2 edits of a word the index does not know.</summary>
    Typo,
    /// <summary>A longer index term that starts with the stem of a word the index does not know (синхронит → синхрониз…).</summary>
    Prefix,
}

/// <summary>One index term a query word may match, with the weight a match counts for.</summary>
public sealed record QueryTerm(string Term, double Weight, TermOrigin Origin);

/// <summary>A query word and the index terms it may match.</summary>
public sealed record QueryWord(string Original, string Folded, IReadOnlyList<QueryTerm> Terms);

public sealed record AnalyzedQuery(string Language, bool LanguageGuessed, IReadOnlyList<QueryWord> Words);
