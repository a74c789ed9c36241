using System.Text.RegularExpressions;
using ServiceDesk.Core.Knowledge.Articles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ServiceDesk.Core.Knowledge.Transfer;

/// <summary>
/// Reads one article file: YAML front matter between `---` lines (id, title, tags, lang, optional
/// category, status, source_ticket) followed by the Markdown body. Errors name the line.
/// </summary>
public static partial class ArticleFileParser
{
    public static ArticleFileResult Parse(string fileName, string content, DateTimeOffset now)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return ArticleFileResult.Fail(fileName, 1, "the file must start with a '---' line opening the YAML front matter");
        }
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (end < 0)
        {
            return ArticleFileResult.Fail(fileName, lines.Length, "the front matter is not closed by a '---' line");
        }

        YamlMappingNode map;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(string.Join('\n', lines[1..end])));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return ArticleFileResult.Fail(fileName, 2, "the front matter must be a YAML mapping (key: value lines)");
            }
            map = root;
        }
        catch (YamlException e)
        {
            return ArticleFileResult.Fail(fileName, (int)e.Start.Line + 1, "invalid YAML: " + FirstLine(e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            return ArticleFileResult.Fail(fileName, 2, "invalid YAML: " + FirstLine(e.Message));
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name }) fields[name] = value;
        }
        int LineOf(string key) => fields.TryGetValue(key, out var n) ? (int)n.Start.Line + 1 : 2;

        string? Scalar(string key) => fields.TryGetValue(key, out var n) && n is YamlScalarNode s ? s.Value?.Trim() : null;

        var id = Scalar("id");
        if (string.IsNullOrEmpty(id)) return ArticleFileResult.Fail(fileName, LineOf("id"), "'id' is missing");
        if (id.Length > KnowledgeArticle.MaxIdLength || !IdPattern().IsMatch(id))
        {
            return ArticleFileResult.Fail(fileName, LineOf("id"), $"id '{id}' must be lowercase letters, digits and '-' (at most {KnowledgeArticle.MaxIdLength})");
        }
        var title = Scalar("title");
        if (string.IsNullOrEmpty(title)) return ArticleFileResult.Fail(fileName, LineOf("title"), "'title' is missing");
        if (title.Length > KnowledgeArticle.MaxTitleLength)
        {
            return ArticleFileResult.Fail(fileName, LineOf("title"), $"'title' is longer than {KnowledgeArticle.MaxTitleLength} characters");
        }
        var rawLanguage = Scalar("lang");
        if (string.IsNullOrEmpty(rawLanguage)) return ArticleFileResult.Fail(fileName, LineOf("lang"), $"'lang' is missing (one of {KnowledgeLanguages.Describe()})");
        var language = KnowledgeLanguages.Normalize(rawLanguage);
        if (language is null)
        {
            return ArticleFileResult.Fail(fileName, LineOf("lang"), $"unknown language '{rawLanguage}' (supported: {KnowledgeLanguages.Describe()})");
        }
        var status = KnowledgeArticleStatus.Normalize(Scalar("status"));
        if (status is null)
        {
            return ArticleFileResult.Fail(fileName, LineOf("status"), $"unknown status '{Scalar("status")}' (draft or published)");
        }

        List<string> tags = [];
        if (fields.TryGetValue("tags", out var tagNode))
        {
            switch (tagNode)
            {
                case YamlSequenceNode seq:
                    foreach (var item in seq.Children)
                    {
                        if (item is not YamlScalarNode { Value: { } tag })
                        {
                            return ArticleFileResult.Fail(fileName, (int)item.Start.Line + 1, "'tags' must be a list of words");
                        }
                        if (!string.IsNullOrWhiteSpace(tag)) tags.Add(tag.Trim());
                    }
                    break;
                case YamlScalarNode { Value: { } single }:
                    tags.AddRange(single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    return ArticleFileResult.Fail(fileName, LineOf("tags"), "'tags' must be a list, e.g. [vpn, network]");
            }
        }

        var body = string.Join('\n', lines[(end + 1)..]).Trim('\n');
        var category = Scalar("category");
        var source = Scalar("source_ticket");
        return ArticleFileResult.Ok(fileName, new KnowledgeArticle
        {
            Id = id,
            Title = title,
            Body = body,
            Tags = tags,
            Language = language,
            Category = string.IsNullOrEmpty(category) ? null : category,
            Status = status,
            SourceTicket = string.IsNullOrEmpty(source) ? null : source,
            UpdatedAt = now,
        });
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
