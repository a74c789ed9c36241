namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>The 4xx answers of the Direct Line endpoints, all as RFC 9457 problem details.</summary>
public static class DirectLineProblems
{
    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Credentials required", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult NotFound(string conversationId) =>
        Problem(StatusCodes.Status404NotFound, "Unknown conversation", $"There is no conversation '{Shorten(conversationId)}'.");

    public static IResult TooLarge(int limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The request body exceeds the limit of {limit} bytes (Channels:WebChat:MaxBodyBytes).");

    public static IResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.");

    public static IResult BotFailed() =>
        Problem(StatusCodes.Status502BadGateway, "The bot failed", "The message was received but the bot could not process it; try again.");

    public static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
