using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.DirectLine;

public static class WebChatEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Direct Line endpoints under <c>/v3/directline</c> and the built-in page at <c>/</c> (when
    /// <c>Channels:WebChat:Enabled</c>), and turns WebSockets on when given the application.
    /// </summary>
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<WebChatOptions>>().Value;
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ServiceDesk.Bot.Channels.DirectLine");
        if (!options.Enabled)
        {
            logger.LogInformation("The web chat is off (Channels:WebChat:Enabled=false)");
            return endpoints;
        }

        if (endpoints is IApplicationBuilder app)
            app.UseWebSockets();
        if (string.IsNullOrEmpty(options.DirectLineSecret))
            logger.LogWarning(
                "The web chat runs OPEN: no Channels:WebChat:DirectLineSecret is configured, so Direct Line needs no credentials and answers loopback clients only. Requests a proxy forwarded (Forwarded, X-Forwarded-For, X-Real-IP) are refused, but a proxy that adds none of these makes every caller look local: set a secret before exposing it");

        endpoints.MapDirectLine();
        WebChatPage.Map(endpoints);
        return endpoints;
    }
}
