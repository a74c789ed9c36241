using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Privacy;
using ServiceDesk.Core.Storage.Housekeeping;

namespace ServiceDesk.Bot.Channels.DirectLine;

public static class WebChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers the web channel: options from <c>Channels:WebChat</c> (validated at start), the Direct Line
    /// endpoints' services and (when enabled) the <c>web</c> <see cref="IChannelSender"/>. Conversations and activities
    /// live in the service's database and messages go to the conversation engine, unless an
    /// <see cref="IDirectLineStore"/> or <see cref="IWebInboundHandler"/> is registered before.
    /// </summary>
    public static IServiceCollection AddWebChatChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var storeInDatabase = !services.Any(d => d.ServiceType == typeof(IDirectLineStore));
        if (storeInDatabase)
        {
            services.TryAddSingleton<EfDirectLineStore>();
            services.TryAddSingleton<IDirectLineStore>(sp => sp.GetRequiredService<EfDirectLineStore>());
            services.AddSingleton(new ExpiringChannelState(InboundActivityMapper.Channel, EfDirectLineStore.ConversationKeyPrefix, r => r.ChannelSessions));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataHolder, WebPersonalData>());
        }
        services.TryAddSingleton<IWebInboundHandler, EngineInboundHandler>();
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton<DirectLineAuthorizer>();
        services.TryAddSingleton<DirectLineBodyReader>();
        services.TryAddSingleton<DirectLineSignals>();
        services.TryAddSingleton<WebRooms>();
        services.TryAddSingleton<ActivityFactory>();
        services.TryAddSingleton<DirectLineConversations>();
        services.TryAddSingleton<DirectLineActivities>();
        services.TryAddSingleton<DirectLineStream>();
        services.TryAddSingleton<WebChannelSender>();
        if (configuration.GetSection(WebChatOptions.Section).GetValue<bool?>(nameof(WebChatOptions.Enabled)) ?? true)
        {
            services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<WebChannelSender>());
            // replies written by a turn reach the room in the turn's own transaction; the sender above serves what
            // the outbox still holds
            if (storeInDatabase)
                services.AddSingleton<IStoreDeliveredChannel, WebRoomDelivery>();
        }
        return services;
    }
}
