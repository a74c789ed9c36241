using ServiceDesk.Core.Knowledge.Articles;

namespace ServiceDesk.Core.Knowledge;

/// <summary>Turns a resolved ticket into a draft article (id kb-sd-12 for ticket SD-12) with problem and resolution sections in the ticket's language.</summary>
public static class KnowledgeDraft
{
    public static string IdFor(string ticketKey)
    {
        var slug = new string(ticketKey.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return "kb-" + (slug.Length == 0 ? "ticket" : slug);
    }

    public static KnowledgeArticle FromTicket(KnowledgeDraftRequest request, DateTimeOffset now)
    {
        var language = KnowledgeLanguages.Normalize(request.Language) ?? KnowledgeLanguages.English;
        var (problem, resolution) = language switch
        {
            KnowledgeLanguages.Russian => ("Проблема", "Решение"),
            KnowledgeLanguages.Polish => ("Problem", "Rozwiązanie"),
            _ => ("Problem", "Resolution"),
        };
        var title = string.IsNullOrWhiteSpace(request.Title) ? request.TicketKey : request.Title.Trim();
        if (title.Length > KnowledgeArticle.MaxTitleLength) title = title[..KnowledgeArticle.MaxTitleLength];
        var body = $"## {problem}\n\n{request.Problem.Trim()}\n\n## {resolution}\n\n{request.Resolution.Trim()}\n";
        return new KnowledgeArticle
        {
            Id = IdFor(request.TicketKey),
            Title = title,
            Body = body,
            Tags = string.IsNullOrWhiteSpace(request.Category) ? [] : [request.Category.Trim()],
            Language = language,
            Category = string.IsNullOrWhiteSpace(request.Category) ? null : request.Category.Trim(),
            Status = KnowledgeArticleStatus.Draft,
            SourceTicket = request.TicketKey,
            UpdatedAt = now,
        };
    }
}
