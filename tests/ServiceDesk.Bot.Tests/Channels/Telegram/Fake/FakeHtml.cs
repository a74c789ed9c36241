using System.Text.RegularExpressions;

namespace ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

/// <summary>Checks text the way Telegram's HTML parse mode does (a subset) and measures its visible length.</summary>
public static partial class FakeHtml
{
    /// <summary>The visible text, or null when the markup would get "can't parse entities".</summary>
    public static string? Parse(string html)
    {
        var visible = new System.Text.StringBuilder();
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>')
                return null;
            if (c == '<')
            {
                var m = Tag().Match(html, i);
                if (!m.Success || m.Index != i)
                    return null;
                var name = m.Groups[2].Value;
                if (m.Groups[1].Value == "/")
                {
                    if (open.Count == 0 || open.Pop() != name)
                        return null;
                }
                else
                {
                    open.Push(name);
                }

                i += m.Length - 1;
            }
            else if (c == '&')
            {
                var m = Entity().Match(html, i);
                if (!m.Success || m.Index != i)
                    return null;
                visible.Append(m.Value switch { "&lt;" => '<', "&gt;" => '>', "&amp;" => '&', _ => '"' });
                i += m.Length - 1;
            }
            else
            {
                visible.Append(c);
            }
        }

        return open.Count == 0 ? visible.ToString() : null;
    }

    [GeneratedRegex("<(/?)(b|i|u|s|code|pre|a)(?: href=\"[^\"<>]*\")?>")]
    private static partial Regex Tag();

    [GeneratedRegex("&(lt|gt|amp|quot);")]
    private static partial Regex Entity();
}
