using ServiceDesk.Core.Knowledge.Analysis.Stemming;

namespace ServiceDesk.Core.Knowledge.Analysis;

/// <summary>
/// Turns article text into index terms and query text into query words. Cyrillic words are
/// stemmed as Russian, Latin words with the text's language (English or Polish); names, acronyms
/// and error codes (VPN, OneDrive, 0x80070005, 2FA) are kept as they are so they match across languages.
/// </summary>
public sealed class TextAnalyzer
{
    private readonly LanguageData data;
    private readonly IReadOnlyDictionary<string, IStemmer> stemmers;
    private readonly LanguageGuesser guesser;
    private const int MaxCachedStems = 200_000;
    private readonly Dictionary<string, System.Collections.Concurrent.ConcurrentDictionary<string, string>> stemCache =
        KnowledgeLanguages.All.ToDictionary(l => l, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal));

    public TextAnalyzer()
        : this(LanguageData.Default)
    {
    }

    public TextAnalyzer(LanguageData data)
    {
        this.data = data;
        stemmers = new Dictionary<string, IStemmer>
        {
            [KnowledgeLanguages.English] = new EnglishStemmer(),
            [KnowledgeLanguages.Russian] = new RussianStemmer(),
            [KnowledgeLanguages.Polish] = new PolishStemmer(),
        };
        guesser = new LanguageGuesser(data);
    }

    public LanguageData Data => data;

    public string GuessLanguage(string text, string? fallback = null) => guesser.Guess(Tokenizer.Tokenize(text), fallback);

    /// <summary>Index terms of a text written in <paramref name="language"/>, stop words removed, in order.</summary>
    public List<string> AnalyzeDocument(string text, string language)
    {
        var terms = new List<string>();
        foreach (var token in Tokenizer.Tokenize(text))
        {
            var wordLanguage = LanguageOf(token, language);
            if (IsNoise(token, wordLanguage)) continue;
            terms.Add(PrimaryTerm(token, wordLanguage));
        }
        return terms;
    }

    /// <summary>Analyses a query; <paramref name="language"/> null means guess it from the text.</summary>
    public AnalyzedQuery AnalyzeQuery(string text, string? language)
    {
        var tokens = Tokenizer.Tokenize(text);
        var given = KnowledgeLanguages.Normalize(language);
        var queryLanguage = given ?? guesser.Guess(tokens);
        var latinLanguage = queryLanguage == KnowledgeLanguages.Russian ? guesser.Guess(tokens.Where(t => t.Script == TokenScript.Latin).ToList(), KnowledgeLanguages.English) : queryLanguage;
        if (latinLanguage == KnowledgeLanguages.Russian) latinLanguage = KnowledgeLanguages.English;

        var words = new List<QueryWord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            var wordLanguage = token.Script == TokenScript.Cyrillic ? KnowledgeLanguages.Russian : latinLanguage;
            if (IsNoise(token, wordLanguage) || !seen.Add(token.Folded)) continue;
            words.Add(new QueryWord(token.Original, token.Folded, QueryTerms(token, wordLanguage)));
        }
        return new AnalyzedQuery(queryLanguage, given is null, words);
    }

    private List<QueryTerm> QueryTerms(Token token, string wordLanguage)
    {
        var terms = new List<QueryTerm>();
        void Add(string term, double weight, TermOrigin origin)
        {
            if (term.Length > 0 && terms.All(t => t.Term != term)) terms.Add(new QueryTerm(term, weight, origin));
        }

        Add(PrimaryTerm(token, wordLanguage), 1.0, TermOrigin.Exact);
        Add(token.Folded, 1.0, TermOrigin.Variant);
        if (token.Script == TokenScript.Latin && !IsKept(token))
        {
            foreach (var other in new[] { KnowledgeLanguages.English, KnowledgeLanguages.Polish })
            {
                if (other != wordLanguage) Add(stemmers[other].Stem(token.Folded), 0.7, TermOrigin.Variant);
            }
        }
        foreach (var language in new[] { wordLanguage, token.Script == TokenScript.Cyrillic ? KnowledgeLanguages.Russian : KnowledgeLanguages.English }.Distinct())
        {
            // the colloquial word as written, or any inflected form of it (винду → винда)
            if (!data.Synonyms[language].TryGetValue(token.Folded, out var expansion)
                && !SynonymsByStem(language).TryGetValue(stemmers[language].Stem(token.Folded), out expansion))
            {
                continue;
            }
            foreach (var word in expansion)
            {
                foreach (var t in Tokenizer.Tokenize(word))
                {
                    Add(PrimaryTerm(t, LanguageOf(t, language)), 0.8, TermOrigin.Synonym);
                }
            }
        }
        return terms;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, string[]>> synonymsByStem = new();

    private Dictionary<string, string[]> SynonymsByStem(string language) =>
        synonymsByStem.GetOrAdd(language, l =>
        {
            var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (key, words) in data.Synonyms[l])
            {
                var stem = stemmers[l].Stem(key);
                if (stem.Length >= 3) map.TryAdd(stem, words);
            }
            return map;
        });

    private static string LanguageOf(Token token, string textLanguage) => token.Script switch
    {
        TokenScript.Cyrillic => KnowledgeLanguages.Russian,
        _ when textLanguage == KnowledgeLanguages.Russian => KnowledgeLanguages.English,
        _ => textLanguage,
    };

    private bool IsKept(Token token) => token.LooksLikeCode || data.ProductNames.Contains(token.Folded) || token.Script == TokenScript.Other;

    private bool IsNoise(Token token, string language)
    {
        if (token.Folded.Length == 1 && !char.IsDigit(token.Folded[0])) return true;
        return !token.LooksLikeCode && data.IsStopWord(language, token.Folded);
    }

    private string PrimaryTerm(Token token, string language)
    {
        if (IsKept(token)) return token.Folded;
        var cache = stemCache[language];
        if (cache.TryGetValue(token.Folded, out var stem)) return stem;
        stem = stemmers[language].Stem(token.Folded);
        if (cache.Count < MaxCachedStems) cache[token.Folded] = stem;
        return stem;
    }
}
