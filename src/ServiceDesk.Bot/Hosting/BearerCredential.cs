namespace ServiceDesk.Bot.Hosting;

/// <summary>The credential of a request's <c>Authorization</c> header (Direct Line tokens and secrets, API keys from scrapers).</summary>
public static class BearerCredential
{
    private const string Scheme = "Bearer ";

    /// <summary>What follows <c>Bearer </c>, or the whole header when it names no scheme; null when there is no header.</summary>
    public static string? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
            return null;
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : header.Trim();
    }
}
