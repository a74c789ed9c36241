using System.Globalization;

namespace ServiceDesk.Core.Tickets;

/// <summary>Ticket keys: a configurable prefix and a number (<c>SD-12</c>). Commands accept <c>SD-12</c>, <c>12</c> and <c>#12</c>.</summary>
public static class TicketKey
{
    public static string Format(string prefix, int number) => $"{prefix}-{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Whether a word looks like a ticket reference of any prefix (<c>SD-12</c>, <c>#12</c>, <c>12</c>).</summary>
    public static bool LooksLikeReference(string word)
    {
        var s = word.StartsWith('#') ? word[1..] : word;
        var dash = s.LastIndexOf('-');
        if (dash > 0 && s[..dash].All(char.IsAsciiLetterOrDigit)) s = s[(dash + 1)..];
        return s.Length is > 0 and <= 9 && s.All(char.IsAsciiDigit);
    }

    public static bool TryParseNumber(string? text, string prefix, out int number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith('#')) s = s[1..];
        else if (s.StartsWith(prefix + "-", StringComparison.OrdinalIgnoreCase)) s = s[(prefix.Length + 1)..];
        return s.Length is > 0 and <= 9 && s.All(char.IsAsciiDigit)
            && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
