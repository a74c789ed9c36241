using System.Text;

namespace ServiceDesk.Core.Knowledge.Indexing;

/// <summary>
/// Builds FTS5 MATCH expressions from analysed terms only: every term is a double-quoted string
/// (quotes doubled), joined by OR. User text never reaches MATCH, so `"`, `*`, NEAR, AND/OR/NOT,
/// `-`, parentheses and `column:` filters in a query are just words.
/// </summary>
public static class Fts5Match
{
    public static string AnyOf(IEnumerable<string> terms)
    {
        var sb = new StringBuilder();
        foreach (var term in terms)
        {
            if (sb.Length > 0) sb.Append(" OR ");
            sb.Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        return sb.ToString();
    }
}
