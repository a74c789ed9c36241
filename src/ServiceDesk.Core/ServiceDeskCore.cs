using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Conversations.Commands;
using ServiceDesk.Core.Conversations.Intake;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Privacy;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Storage.Housekeeping;
using ServiceDesk.Core.Telemetry;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core;

public static class ServiceDeskCore
{
    /// <summary>The background work of the core: outbox delivery, auto-close, the SLA monitor, the knowledge index refresh, SQLite checkpoints, pruning the store.</summary>
    public static IServiceCollection AddServiceDeskBackgroundWork(this IServiceCollection services)
    {
        services.AddHostedService<OutboxDispatcherLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<AutoCloser>());
        services.AddSlaMonitorLoop();
        services.AddHostedService<KnowledgeIndexRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        services.AddHostedService(sp => sp.GetRequiredService<StoreHousekeeping>());
        return services;
    }

    /// <summary>Registers the core: options, people, texts, store, knowledge base, outbox, SLA, the conversation engine and its commands.</summary>
    public static IServiceCollection AddServiceDeskCore(this IServiceCollection services)
    {
        services.AddOptions<ServiceDeskOptions>().BindConfiguration(ServiceDeskOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceDeskOptions>, ServiceDeskOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<ServiceDeskMetrics>();
        services.AddSingleton<StoreGauges>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton(sp => TextCatalogLoader.Load(
            DialogsLocation.Resolve(sp.GetRequiredService<IOptions<ServiceDeskOptions>>().Value),
            sp.GetRequiredService<IOptions<ServiceDeskOptions>>().Value.DefaultLanguage));
        services.AddServiceDeskStore();
        services.AddKnowledgeBase(runIndexRefresher: false);
        services.AddOutbox();
        services.AddSla();
        services.AddSingleton<TicketHooks>();
        services.AddSingleton<TicketNumbers>();
        services.AddSingleton<SenderRateLimiter>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<AutoCloser>();
        services.AddSingleton<StoreHousekeeping>();
        services.AddSingleton<PersonErasure>();
        services.AddSingleton<ClosedTicketAnonymiser>();
        services.AddSingleton(sp => IntakeDefinitionLoader.Load(
            DialogsLocation.Resolve(sp.GetRequiredService<IOptions<ServiceDeskOptions>>().Value), sp.GetRequiredService<TextCatalog>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDialog, IntakeDialog>());
        foreach (var command in typeof(ServiceDeskCore).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(ICommandHandler).IsAssignableFrom(t)))
            services.AddSingleton(typeof(ICommandHandler), command);
        return services;
    }
}
