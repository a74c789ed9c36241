using System.Reflection;

namespace ServiceDesk.Core.Knowledge.Analysis;

/// <summary>Stop words, synonyms and kept product names, read from the embedded data files in Analysis/Data.</summary>
public sealed class LanguageData
{
    private static readonly Lazy<LanguageData> Instance = new(Load);

    private LanguageData(
        IReadOnlyDictionary<string, HashSet<string>> stopWords,
        IReadOnlyDictionary<string, Dictionary<string, string[]>> synonyms,
        HashSet<string> products)
    {
        StopWords = stopWords;
        Synonyms = synonyms;
        ProductNames = products;
    }

    public static LanguageData Default => Instance.Value;

    public IReadOnlyDictionary<string, HashSet<string>> StopWords { get; }

    public IReadOnlyDictionary<string, Dictionary<string, string[]>> Synonyms { get; }

    public HashSet<string> ProductNames { get; }

    public bool IsStopWord(string language, string folded) =>
        StopWords.TryGetValue(language, out var set) && set.Contains(folded);

    private static LanguageData Load()
    {
        var stop = new Dictionary<string, HashSet<string>>();
        var synonyms = new Dictionary<string, Dictionary<string, string[]>>();
        foreach (var language in KnowledgeLanguages.All)
        {
            stop[language] = ReadWords($"stopwords.{language}.txt");
            synonyms[language] = ReadSynonyms($"synonyms.{language}.txt");
        }
        return new LanguageData(stop, synonyms, ReadWords("products.txt"));
    }

    private static IEnumerable<string> ReadLines(string name)
    {
        var assembly = typeof(LanguageData).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#')) yield return trimmed;
        }
    }

    private static HashSet<string> ReadWords(string name) =>
        ReadLines(name)
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => TextFolding.Fold(w))
            .ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string[]> ReadSynonyms(string name)
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in ReadLines(name))
        {
            var parts = line.Split('=', 2);
            if (parts.Length != 2) continue;
            var key = TextFolding.Fold(parts[0].Trim());
            var words = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (key.Length > 0 && words.Length > 0) map[key] = words;
        }
        return map;
    }
}
