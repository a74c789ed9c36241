namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// CORS for the Direct Line routes, so Web Chat on another origin (an intranet portal) can call them: every answer
/// allows the caller's origin, and OPTIONS preflights for Authorization and Content-Type are answered with 204.
/// </summary>
public static class DirectLineCors
{
    private const string AllowedHeaders = "Authorization, Content-Type, Accept, x-ms-bot-agent, x-requested-with";

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        AddHeaders(context.HttpContext);
        return await next(context);
    }

    public static IResult Preflight(HttpContext http)
    {
        AddHeaders(http);
        http.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        http.Response.Headers.AccessControlAllowHeaders = http.Request.Headers.AccessControlRequestHeaders.Count > 0
            ? http.Request.Headers.AccessControlRequestHeaders.ToString()
            : AllowedHeaders;
        http.Response.Headers.AccessControlMaxAge = "600";
        return Results.NoContent();
    }

    private static void AddHeaders(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        http.Response.Headers.AccessControlAllowOrigin = origin.Length > 0 ? origin : "*";
        if (origin.Length > 0)
            http.Response.Headers.Vary = "Origin";
    }
}
