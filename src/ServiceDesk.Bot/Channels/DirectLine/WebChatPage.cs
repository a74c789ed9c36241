namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>Serves the built-in page (wwwroot, embedded in the assembly so it works from any directory).</summary>
public static class WebChatPage
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["webchat.js"] = "text/javascript; charset=utf-8",
        ["webchat.css"] = "text/css; charset=utf-8",
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Serve("index.html"));
        endpoints.MapGet("/webchat/{file}", (string file) => Serve(file));
    }

    private static IResult Serve(string file)
    {
        if (!Files.TryGetValue(file, out var contentType))
            return Results.NotFound();
        var stream = typeof(WebChatPage).Assembly.GetManifestResourceStream("wwwroot/" + file);
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }
}
