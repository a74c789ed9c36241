using System.Text;

namespace ServiceDesk.Bot.Channels.Telegram.Mapping;

/// <summary>Escaping for <c>parse_mode: HTML</c>: only <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> need it.</summary>
public static class TelegramHtml
{
    public const string ParseMode = "HTML";

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '>', '&') < 0)
            return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => null,
            });
            if (c is not ('<' or '>' or '&'))
                sb.Append(c);
        }

        return sb.ToString();
    }

    public static string Bold(string text) => $"<b>{Escape(text)}</b>";
}
