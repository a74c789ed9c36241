namespace ServiceDesk.Core.Knowledge.Analysis;

/// <summary>
/// Splits text into words: runs of letters and digits. Apostrophes inside a word are dropped
/// (don't → dont); everything else (punctuation, FTS5 operators, quotes) separates words. A short
/// hyphenated compound also yields the joined word (Wi-Fi → wi, fi, wifi).
/// </summary>
public static class Tokenizer
{
    public const int MaxTokenLength = 64;

    private const int MaxJoinedLength = 12;

    public static List<Token> Tokenize(string text)
    {
        var normalized = TextFolding.Normalize(text);
        var tokens = new List<Token>();
        var span = normalized.AsSpan();
        var buffer = new System.Text.StringBuilder();
        var position = 0;
        for (var i = 0; i <= span.Length; i++)
        {
            var c = i < span.Length ? span[i] : ' ';
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                buffer.Append(c);
                continue;
            }
            if ((c == '\'' || c == '’') && buffer.Length > 0 && i + 1 < span.Length && char.IsLetter(span[i + 1]))
            {
                continue;
            }
            if (buffer.Length > 0)
            {
                if (buffer.Length <= MaxTokenLength)
                {
                    var original = buffer.ToString();
                    tokens.Add(new Token(original, TextFolding.Fold(original), ScriptOf(original), position++));
                    // a short hyphenated compound (Wi-Fi, e-mail, 2-FA) is also one word: wifi, email
                    if (c == '-' && i + 1 < span.Length && char.IsLetterOrDigit(span[i + 1]))
                    {
                        var next = i + 1;
                        while (next < span.Length && char.IsLetterOrDigit(span[next])) next++;
                        var joined = original + span[(i + 1)..next].ToString();
                        if (joined.Length <= MaxJoinedLength && (original.Length <= 3 || next - i - 1 <= 3))
                        {
                            tokens.Add(new Token(joined, TextFolding.Fold(joined), ScriptOf(joined), position++));
                        }
                    }
                }
                buffer.Clear();
            }
        }
        return tokens;
    }

    private static TokenScript ScriptOf(string word)
    {
        int latin = 0, cyrillic = 0;
        foreach (var c in word)
        {
            if (TextFolding.IsCyrillic(c)) cyrillic++;
            else if (TextFolding.IsLatin(c)) latin++;
        }
        if (cyrillic > 0 && cyrillic >= latin) return TokenScript.Cyrillic;
        if (latin > 0) return TokenScript.Latin;
        return TokenScript.Other;
    }
}
