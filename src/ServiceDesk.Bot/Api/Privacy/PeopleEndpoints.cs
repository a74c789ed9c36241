using ServiceDesk.Core.Privacy;

namespace ServiceDesk.Bot.Api.Privacy;

/// <summary>
/// <c>DELETE /api/people/{personId}</c>: erases a person's data (GDPR art. 17, see <see cref="PersonErasure"/>) and
/// answers 200 with what was deleted or redacted. 404 (a problem) when the store holds nothing of that person — a
/// person never seen, or one already erased; the erasure is done either way, so a retried request is safe.
/// </summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/people").WithTags("people").AddEndpointFilter<ApiKeyFilter>();
        api.MapDelete("/{personId}", ForgetAsync);
        return app;
    }

    private static async Task<IResult> ForgetAsync(PersonErasure erasure, string personId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(personId))
            return Results.Problem("A person id (e.g. telegram:12345) is required.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid person id");
        var result = await erasure.EraseAsync(personId, ct);
        if (result.NothingFound)
            return Results.Problem($"The store holds no data of {result.PersonId} (never seen, or erased already).", statusCode: StatusCodes.Status404NotFound);
        return Results.Ok(new
        {
            result.PersonId,
            result.Pseudonym,
            Erased = result.Erased.ToDictionary(e => e.Key, e => e.Value),
            result.Total,
            result.NamedInConfiguration,
        });
    }
}
