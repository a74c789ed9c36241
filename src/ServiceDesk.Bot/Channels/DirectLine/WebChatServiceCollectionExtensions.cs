using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.DirectLine;

public static class WebChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers the web channel: options from <c>Channels:WebChat</c> (validated at start), the Direct Line
    /// endpoints' services and the <c>web</c> <see cref="IChannelSender"/>. The store defaults to the in-memory one
    /// unless an <see cref="IDirectLineStore"/> is registered already.
    /// </summary>
    public static IServiceCollection AddWebChatChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectLineStore, InMemoryDirectLineStore>();
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
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<WebChannelSender>());
        return services;
    }
}
