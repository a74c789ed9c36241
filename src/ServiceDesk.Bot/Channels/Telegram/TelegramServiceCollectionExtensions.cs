using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.Mapping;
using ServiceDesk.Bot.Channels.Telegram.Receiving;
using ServiceDesk.Bot.Channels.Telegram.Sending;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Privacy;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Storage.Housekeeping;

namespace ServiceDesk.Bot.Channels.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Telegram channel when <c>Channels:Telegram:BotToken</c> is set (otherwise only its
    /// options): the client, the sender, and the polling or webhook receiver by <c>Mode</c>. Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        // the adapter's records stay in the store when the channel is turned off: a person is still forgotten there
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataHolder, TelegramPersonalData>());
        var configured = configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!configured.Enabled || services.Any(d => d.ServiceType == typeof(TelegramChannelSender)))
            return services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(TelegramBotClient.HttpClientName, (sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                http.Timeout = TimeSpan.FromSeconds(o.PollTimeoutSeconds + 30);
            })
            .RemoveAllLoggers(); // the default handlers log request URLs, and a Bot API URL carries the token
        services.TryAddSingleton(sp => new TelegramBotClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramBotClient.HttpClientName),
            sp.GetRequiredService<IOptions<TelegramOptions>>()));
        // The service's store and engine when the core is registered; in-memory state and a logging handler otherwise.
        services.TryAddSingleton<ITelegramStateStore>(sp => sp.GetService<IDbContextFactory<ServiceDeskDbContext>>() is { } db
            ? new DbTelegramStateStore(db, sp.GetRequiredService<TimeProvider>())
            : new InMemoryTelegramStateStore());
        services.AddSingleton(new ExpiringChannelState(TelegramUpdateMapper.ChannelName, KeyValueTelegramStateStore.CallbackKeyPrefix, r => r.ChannelButtons));
        services.TryAddSingleton<TelegramRateLimiter>();
        services.TryAddSingleton<TelegramChatDirectory>();
        services.TryAddSingleton<TelegramChannelSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TelegramChannelSender>());
        services.TryAddSingleton<ITelegramInboundHandler>(sp => sp.GetService<ConversationEngine>() is { } engine
            ? new EngineInboundHandler(engine)
            : ActivatorUtilities.CreateInstance<LoggingInboundHandler>(sp));
        services.TryAddSingleton<TelegramBotIdentity>();
        services.TryAddSingleton<RecentUpdateIds>(_ => new RecentUpdateIds());
        services.TryAddSingleton(new TelegramRetryPolicy());
        services.TryAddSingleton<TelegramUpdateProcessor>();
        services.TryAddSingleton<TelegramWebhookQueue>();
        services.AddHostedService<TelegramStartupService>();
        if (configured.Mode == TelegramMode.Polling)
            services.AddHostedService<TelegramPollingService>();
        else
            services.AddHostedService<TelegramWebhookWorker>();
        return services;
    }
}
