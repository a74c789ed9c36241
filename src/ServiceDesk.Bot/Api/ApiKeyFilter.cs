using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Hosting;
using ServiceDesk.Core.Configuration;

namespace ServiceDesk.Bot.Api;

/// <summary>
/// The REST API's key check: <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>) must be one of <c>ServiceDesk:Api:Keys</c>. With no key configured
/// (the embedded default) only callers on this machine are let in (<see cref="LocalCaller"/>).
/// </summary>
public sealed class ApiKeyFilter(IOptions<ServiceDeskOptions> options, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    public const string Header = "X-Api-Key";
    private bool _warned;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = options.Value.Api.Keys;
        if (keys.Count == 0)
        {
            if (!_warned)
            {
                _warned = true;
                logger.LogWarning("No ServiceDesk:Api:Keys configured: the REST API is open to loopback callers only (requests a proxy forwarded are refused)");
            }
            if (LocalCaller.Is(http)) return await next(context);
            return Results.Problem("With no ServiceDesk:Api:Keys configured the API answers callers on this machine only, not through a proxy: configure keys to use it from elsewhere.", statusCode: 403);
        }
        var given = http.Request.Headers[Header].ToString();
        if (given.Length == 0)
            given = BearerCredential.Read(http.Request) ?? ""; // what scrapers such as Prometheus send
        if (given.Length == 0) return Results.Problem($"The {Header} header (or an Authorization: Bearer key) is missing.", statusCode: 401);
        var ok = keys.Any(k => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k), Encoding.UTF8.GetBytes(given)));
        return ok ? await next(context) : Results.Problem($"The {Header} is not valid.", statusCode: 403);
    }
}
