using System.Text;
using ServiceDesk.Core.Knowledge.Articles;
using YamlDotNet.Serialization;

namespace ServiceDesk.Core.Knowledge.Transfer;

/// <summary>Writes an article as Markdown with YAML front matter, readable again by <see cref="ArticleFileParser"/>.</summary>
public static class ArticleFileWriter
{
    private static readonly ISerializer Yaml = new SerializerBuilder().Build();

    public static string Write(KnowledgeArticle article)
    {
        var front = new Dictionary<string, object>
        {
            ["id"] = article.Id,
            ["title"] = article.Title,
            ["tags"] = article.Tags,
            ["lang"] = article.Language,
        };
        if (article.Category is not null) front["category"] = article.Category;
        if (!article.IsPublished) front["status"] = article.Status;
        if (article.SourceTicket is not null) front["source_ticket"] = article.SourceTicket;
        var sb = new StringBuilder();
        sb.Append("---\n").Append(Yaml.Serialize(front).Replace("\r\n", "\n", StringComparison.Ordinal)).Append("---\n");
        sb.Append(article.Body.TrimEnd()).Append('\n');
        return sb.ToString();
    }
}
