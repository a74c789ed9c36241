using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using ServiceDesk.Bot.Channels.Telegram.Receiving;

namespace ServiceDesk.Bot.Channels.Telegram;

public static class TelegramEndpointRouteBuilderExtensions
{
    /// <summary>Maps POST /telegram/webhook (answers 404 unless the channel is on in webhook mode).</summary>
    public static IEndpointRouteBuilder MapTelegramEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TelegramWebhookEndpoint.Path, (Delegate)TelegramWebhookEndpoint.HandleAsync).ExcludeFromDescription();
        return endpoints;
    }
}
