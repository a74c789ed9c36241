namespace ServiceDesk.Core.Knowledge.Analysis;

/// <summary>
/// Guesses en / ru / pl from the text itself: script first (Cyrillic → ru), then Polish letters,
/// then stop-word hits and character bigrams typical of Polish or English spelling.
/// </summary>
public sealed class LanguageGuesser(LanguageData data)
{
    private static readonly string[] PolishBigrams = ["sz", "cz", "rz", "dz", "ie", "ow", "wy", "yc", "ac", "nie", "prz", "ni", "zy"];
    private static readonly string[] EnglishBigrams = ["th", "wh", "ing", "ee", "oo", "ea", "ou", "sh", "ck", "tion", "ght"];

    public string Guess(IReadOnlyList<Token> tokens, string? fallback = null)
    {
        int cyrillic = 0, latin = 0;
        var polishLetters = false;
        foreach (var token in tokens)
        {
            if (token.Script == TokenScript.Cyrillic) cyrillic++;
            else if (token.Script == TokenScript.Latin && !token.LooksLikeCode && !data.ProductNames.Contains(token.Folded)) latin++;
            if (token.Original.AsSpan().IndexOfAny("ąćęłńśźżĄĆĘŁŃŚŹŻ") >= 0) polishLetters = true;
        }
        if (cyrillic > 0 && cyrillic >= latin) return KnowledgeLanguages.Russian;
        if (polishLetters) return KnowledgeLanguages.Polish;
        if (latin == 0) return fallback ?? KnowledgeLanguages.English;

        double pl = 0, en = 0;
        foreach (var token in tokens)
        {
            if (token.Script != TokenScript.Latin) continue;
            if (data.IsStopWord(KnowledgeLanguages.Polish, token.Folded)) pl += 1;
            if (data.IsStopWord(KnowledgeLanguages.English, token.Folded)) en += 1;
            if (data.Synonyms[KnowledgeLanguages.Polish].ContainsKey(token.Folded)) pl += 0.5;
            pl += 0.25 * PolishBigrams.Count(b => token.Folded.Contains(b, StringComparison.Ordinal));
            en += 0.25 * EnglishBigrams.Count(b => token.Folded.Contains(b, StringComparison.Ordinal));
            if (token.Folded.EndsWith('y') || token.Folded.EndsWith("ie", StringComparison.Ordinal)) pl += 0.1;
        }
        if (Math.Abs(pl - en) < 0.01 && fallback is not null) return fallback;
        return pl > en ? KnowledgeLanguages.Polish : KnowledgeLanguages.English;
    }
}
