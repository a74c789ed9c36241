namespace ServiceDesk.Core.Conversations;

/// <summary>The conversation language from a channel locale, or a cheap guess from the text's letters.</summary>
public static class LanguageDetection
{
    public static string? FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var lang = locale.Split('-', '_')[0].ToLowerInvariant();
        return lang is "en" or "ru" or "pl" ? lang : null;
    }

    /// <summary>Cyrillic → ru; Polish letters or common Polish words → pl; Latin → en; otherwise no guess.</summary>
    public static string? Guess(string text)
    {
        int cyrillic = 0, latin = 0, polish = 0;
        foreach (var ch in text)
        {
            if (ch is >= '\u0400' and <= '\u04FF') cyrillic++;
            else if (ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z') latin++;
            else if ("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".Contains(ch)) polish++;
        }
        if (cyrillic > latin) return "ru";
        if (polish > 0) return "pl";
        if (latin == 0) return null;
        var words = text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return words.Count(w => PolishWords.Contains(w)) > words.Count(w => EnglishWords.Contains(w)) ? "pl" : "en";
    }

    private static readonly HashSet<string> PolishWords =
        ["nie", "jest", "mam", "mi", "się", "sie", "działa", "dziala", "mój", "moj", "moja", "jak", "czy", "mogę", "moge", "problem z", "komputer", "drukarka", "hasło", "haslo", "proszę", "prosze", "dzień", "dzien", "dobry", "zalogować", "zalogowac", "nowy", "nowa", "i", "w", "na", "do", "z", "że", "ze"];

    private static readonly HashSet<string> EnglishWords =
        ["the", "is", "my", "not", "can't", "cannot", "doesn't", "working", "i", "a", "to", "in", "on", "please", "help", "it", "and", "with", "new", "how"];
}
