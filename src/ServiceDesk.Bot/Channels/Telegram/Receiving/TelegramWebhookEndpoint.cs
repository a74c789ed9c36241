using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.State;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>
/// POST /telegram/webhook: checks <c>X-Telegram-Bot-Api-Secret-Token</c> in constant time (missing → 401,
/// wrong → 403, nothing processed), queues the update and answers 200 at once.
/// </summary>
public static class TelegramWebhookEndpoint
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const int MaxBodyBytes = 1 << 20;

    public static async Task<IResult> HandleAsync(HttpContext http)
    {
        // Resolved by hand: when the channel is off these services are not registered at all.
        var services = http.RequestServices;
        var o = services.GetService<IOptions<TelegramOptions>>()?.Value;
        var queue = services.GetService<TelegramWebhookQueue>();
        if (o is null || queue is null || !o.Enabled || o.Mode != TelegramMode.Webhook || string.IsNullOrEmpty(o.SecretToken))
            return Results.NotFound();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TelegramWebhookEndpoint));
        if (!http.Request.Headers.TryGetValue(SecretHeader, out var given) || given.Count != 1 || string.IsNullOrEmpty(given[0]))
            return Results.Unauthorized();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[0]!), Encoding.UTF8.GetBytes(o.SecretToken)))
            return Results.StatusCode(StatusCodes.Status403Forbidden);

        // Read at most MaxBodyBytes + 1: an oversized body is refused without buffering all of it.
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > MaxBodyBytes)
                return Results.Problem("update too large", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (!TelegramUpdateReader.TryRead(body.GetBuffer().AsSpan(0, (int)body.Length), out var update, out var error))
        {
            log.LogWarning("Telegram webhook: rejected a body: {Error}", error);
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        // Kept in the store before the acknowledgement, so a crash before processing loses nothing (the worker
        // picks kept updates up at start); if the store is down, Telegram is asked to deliver again later.
        try
        {
            var store = services.GetRequiredService<ITelegramStateStore>();
            await store.KeepUpdateAsync(update!.UpdateId, Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length), http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Telegram webhook: could not keep update {UpdateId}; asking Telegram to retry", update!.UpdateId);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return queue.TryEnqueue(update) ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
