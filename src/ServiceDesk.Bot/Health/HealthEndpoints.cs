using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Health;

public static class HealthEndpoints
{
    /// <summary><c>/health/live</c>: the process runs. <c>/health/ready</c>: the store answers and its schema is current.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).WithTags("health");
        app.MapGet("/health/ready", async (IDbContextFactory<ServiceDeskDbContext> factory, CancellationToken ct) =>
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count > 0)
                    return Results.Problem($"schema is not current: {string.Join(", ", pending)} pending", statusCode: 503);
                await db.Tickets.AnyAsync(ct);
                return Results.Ok(new { status = "ready" });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Results.Problem("the store does not answer: " + ex.Message, statusCode: 503);
            }
        }).WithTags("health");
        return app;
    }
}
