using Microsoft.AspNetCore.Mvc;
using ServiceDesk.Core.Notifications;

namespace ServiceDesk.Bot.Api.Outbox;

/// <summary>
/// The outbox for administrators: how many messages wait, went out or were parked, the parked ones with the error that
/// parked them, putting one back in line once its channel is fixed, or dropping one not worth sending any more. Errors are problem details.
/// </summary>
public static class OutboxEndpoints
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/outbox").WithTags("outbox").AddEndpointFilter<ApiKeyFilter>();
        api.MapGet("/", async (OutboxAdministration outbox, CancellationToken ct) => Results.Ok(await outbox.CountsAsync(ct)));
        api.MapGet("/parked", ParkedAsync);
        api.MapPost("/parked/{id}/retry", RetryAsync);
        api.MapDelete("/parked/{id}", DropAsync);
        return app;
    }

    private static async Task<IResult> ParkedAsync(OutboxAdministration outbox, [FromQuery] string? limit, CancellationToken ct)
    {
        var take = 50;
        if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, out take) || take < 1 || take > MaxLimit))
            return Results.Problem($"limit must be a number from 1 to {MaxLimit}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid limit");
        var parked = await outbox.ParkedAsync(take, ct);
        return Results.Ok(parked.Select(ParkedMessageResource.From).ToList());
    }

    private static Task<IResult> RetryAsync(OutboxAdministration outbox, string id, CancellationToken ct) =>
        OnParkedAsync(id, messageId => outbox.RetryAsync(messageId, ct));

    private static Task<IResult> DropAsync(OutboxAdministration outbox, string id, CancellationToken ct) =>
        OnParkedAsync(id, messageId => outbox.DropAsync(messageId, ct));

    /// <summary>Runs an action on one parked message: 204 when done, 400 for an id that is not one, 404 when none is parked.</summary>
    private static async Task<IResult> OnParkedAsync(string id, Func<long, Task<bool>> action)
    {
        if (!long.TryParse(id, out var messageId) || messageId < 1)
            return Results.Problem($"'{id}' is not an outbox message id (a positive number).", statusCode: StatusCodes.Status400BadRequest, title: "Invalid id");
        return await action(messageId)
            ? Results.NoContent()
            : Results.Problem($"There is no parked outbox message {messageId}.", statusCode: StatusCodes.Status404NotFound);
    }
}
