namespace ServiceDesk.Bot.Channels.Telegram.Mapping;

/// <summary>
/// Splits plain text into parts of at most a given length (Telegram counts UTF-16 units after entity
/// parsing, so plain text is split before escaping and an escape is never cut). Prefers a paragraph
/// break, then a line break, then a space; a cut never separates a surrogate pair.
/// </summary>
public static class TelegramTextSplitter
{
    public const int MaxMessageLength = 4096;

    public static IReadOnlyList<string> Split(string text, int limit = MaxMessageLength, int? firstLimit = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var parts = new List<string>();
        var rest = text.AsSpan();
        var max = Math.Max(2, firstLimit ?? limit);
        while (rest.Length > max)
        {
            var cut = FindCut(rest[..(max + 1)], max);
            parts.Add(rest[..cut].TrimEnd().ToString() is { Length: > 0 } part ? part : rest[..cut].ToString());
            rest = rest[cut..];
            // The separator the cut was made at is not carried into the next part.
            var skip = 0;
            while (skip < rest.Length && rest[skip] is '\n' or ' ' or '\r')
                skip++;
            if (skip < rest.Length)
                rest = rest[skip..];
            else
                rest = ReadOnlySpan<char>.Empty;
            max = limit;
        }

        if (rest.Length > 0 || parts.Count == 0)
            parts.Add(rest.ToString());
        return parts;
    }

    /// <summary>The length of the next part: up to <paramref name="max"/>, ending at the best boundary in its second half.</summary>
    private static int FindCut(ReadOnlySpan<char> window, int max)
    {
        var head = window[..max];
        var minimum = max / 2;
        foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n", " "])
        {
            var at = head.LastIndexOf(separator);
            // The character right after the window decides whether the window end itself is a boundary.
            if (window.Length > max && window[max..].StartsWith(separator))
                at = max;
            if (at >= minimum)
                return at;
        }

        return char.IsHighSurrogate(head[max - 1]) ? max - 1 : max;
    }
}
