using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Sla;

public static class SlaServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Sla</c> at startup; registers the policy catalog, the clock, the tracker (as a ticket
    /// hook: every saved ticket change updates its SLA clocks and timers), the queries and the monitor. The <c>sla</c>
    /// command is registered with the other commands by the core; the hosted loop by <see cref="AddSlaMonitorLoop"/>.
    /// </summary>
    public static IServiceCollection AddSla(this IServiceCollection services)
    {
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SlaOptions>, SlaDefaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SlaPolicyCatalog(sp.GetRequiredService<IOptions<SlaOptions>>().Value));
        services.TryAddSingleton<SlaClock>();
        services.TryAddSingleton<SlaTracker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketHook, SlaTracker>(sp => sp.GetRequiredService<SlaTracker>()));
        services.TryAddSingleton<SlaQueries>();
        services.TryAddSingleton<ISlaPreview, SlaPreview>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITicketHook, SlaCardAnnotator>());
        services.TryAddSingleton<SlaMonitor>();
        return services;
    }

    /// <summary>The monitor's hosted loop (sleeps until the next SLA timer).</summary>
    public static IServiceCollection AddSlaMonitorLoop(this IServiceCollection services)
    {
        services.AddHostedService<SlaMonitorLoop>();
        return services;
    }
}
