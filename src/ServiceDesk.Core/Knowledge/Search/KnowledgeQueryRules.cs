namespace ServiceDesk.Core.Knowledge.Search;

/// <summary>What a search query may be, with the messages the admin tools and API show.</summary>
public static class KnowledgeQueryRules
{
    /// <summary>Longer queries are refused by the API and the CLI.</summary>
    public const int MaxQueryLength = 2000;

    /// <summary>The conversation path never refuses: it analyses only this much of a long message.</summary>
    public const int MaxAnalysedLength = 2000;

    public const int MaxTop = 50;

    /// <summary>Null when the query is acceptable, otherwise a message for the user.</summary>
    public static string? Validate(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return "The query is empty: give some words to search for.";
        if (query.Length > MaxQueryLength)
        {
            return $"The query is {query.Length:N0} characters long; the limit is {MaxQueryLength:N0}. Shorten it to the problem itself.";
        }
        return null;
    }
}
