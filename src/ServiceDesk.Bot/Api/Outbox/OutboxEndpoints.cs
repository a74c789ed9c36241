using Microsoft.AspNetCore.Mvc;
using ServiceDesk.Core.Notifications;

namespace ServiceDesk.Bot.Api.Outbox;

/// <summary>
/// The outbox for administrators: how many messages wait, went out or were parked, the parked ones with the error that
/// parked them, and putting one back in line once its channel is fixed. Errors are problem details.
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

    private static async Task<IResult> RetryAsync(OutboxAdministration outbox, string id, CancellationToken ct)
    {
        if (!long.TryParse(id, out var messageId) || messageId < 1)
            return Results.Problem($"'{id}' is not an outbox message id (a positive number).", statusCode: StatusCodes.Status400BadRequest, title: "Invalid id");
        return await outbox.RetryAsync(messageId, ct)
            ? Results.NoContent()
            : Results.Problem($"There is no parked outbox message {messageId}.", statusCode: StatusCodes.Status404NotFound);
    }
}
