namespace ServiceDesk.Core.Conversations;

/// <summary>The conversation language a channel locale names (<c>ru</c>, <c>pl-PL</c>), when it is one the desk speaks.</summary>
public static class LocaleLanguage
{
    public static string? FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var lang = locale.Split('-', '_')[0].ToLowerInvariant();
        return lang is "en" or "ru" or "pl" ? lang : null;
    }
}
