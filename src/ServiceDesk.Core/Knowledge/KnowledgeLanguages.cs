namespace ServiceDesk.Core.Knowledge;

/// <summary>The languages the knowledge base analyses: English, Russian, Polish.</summary>
public static class KnowledgeLanguages
{
    public const string English = "en";
    public const string Russian = "ru";
    public const string Polish = "pl";

    public static IReadOnlyList<string> All { get; } = [English, Russian, Polish];

    /// <summary>Accepts "ru", "RU", "ru-RU", "pl_PL"; null for anything else.</summary>
    public static string? Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var code = language.Trim().ToLowerInvariant();
        var cut = code.IndexOfAny(['-', '_']);
        if (cut > 0) code = code[..cut];
        return code is English or Russian or Polish ? code : null;
    }

    public static string Describe() => string.Join(", ", All);
}
