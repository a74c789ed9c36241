using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Core.Sla;

public static class SlaServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Sla</c> at startup and registers the policy catalog and the SLA clock.</summary>
    public static IServiceCollection AddSla(this IServiceCollection services)
    {
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SlaOptions>, SlaDefaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SlaPolicyCatalog(sp.GetRequiredService<IOptions<SlaOptions>>().Value));
        services.TryAddSingleton<SlaClock>();
        return services;
    }
}
