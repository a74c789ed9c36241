using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Core.Notifications;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The outbox dispatcher and the administrators' view; <c>Outbox</c> options validated at startup. The loop is background work.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<StoreDeliveredChannels>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<OutboxAdministration>();
        return services;
    }
}
