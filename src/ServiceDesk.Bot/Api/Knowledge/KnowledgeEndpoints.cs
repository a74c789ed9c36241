using Microsoft.AspNetCore.Mvc;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Knowledge.Search;

namespace ServiceDesk.Bot.Api.Knowledge;

/// <summary>REST endpoints of the knowledge base: search (with confidence) and read an article. Errors are problem details.</summary>
public static class KnowledgeEndpoints
{
    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/kb").WithTags("knowledge").AddEndpointFilter<ApiKeyFilter>();
        api.MapGet("/search", SearchAsync);
        api.MapGet("/articles/{id}", GetAsync);
        return app;
    }

    private static async Task<IResult> SearchAsync(
        KnowledgeBase knowledge, [FromQuery] string? q, [FromQuery] string? lang, [FromQuery] string? top, CancellationToken ct)
    {
        if (KnowledgeQueryRules.Validate(q) is { } problem)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid query");
        }
        string? language = null;
        if (!string.IsNullOrWhiteSpace(lang))
        {
            language = KnowledgeLanguages.Normalize(lang);
            if (language is null)
            {
                return Results.Problem($"Unknown language '{lang}'. Use one of {KnowledgeLanguages.Describe()}, or leave it out to guess from the text.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Invalid language");
            }
        }
        var count = 3;
        if (!string.IsNullOrWhiteSpace(top) && (!int.TryParse(top, out count) || count < 1 || count > KnowledgeQueryRules.MaxTop))
        {
            return Results.Problem($"top must be a number from 1 to {KnowledgeQueryRules.MaxTop}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid top");
        }
        var outcome = await knowledge.SearchDetailedAsync(q!, language, count, ct);
        return Results.Ok(new KnowledgeSearchResponse(
            q!, outcome.Query.Language, outcome.Query.LanguageGuessed, outcome.Confident, outcome.Reason, outcome.Hits));
    }

    private static async Task<IResult> GetAsync(string id, KnowledgeBase knowledge, CancellationToken ct)
    {
        var article = await knowledge.GetArticleAsync(id, ct);
        return article is null
            ? Results.Problem($"Knowledge-base article '{id}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
            : Results.Ok(new KnowledgeArticleResponse(
                article.Id, article.Title, article.Body, article.Tags, article.Language, article.Category, article.Status,
                article.SourceTicket, article.HelpfulCount, article.NotHelpfulCount, article.UpdatedAt));
    }
}

public sealed record KnowledgeSearchResponse(
    string Query, string Language, bool LanguageGuessed, bool Confident, string Reason, IReadOnlyList<KnowledgeHit> Hits);

public sealed record KnowledgeArticleResponse(
    string Id, string Title, string Body, IReadOnlyList<string> Tags, string Language, string? Category, string Status,
    string? SourceTicket, int HelpfulCount, int NotHelpfulCount, DateTimeOffset UpdatedAt);
