using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Knowledge.Analysis;
using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Knowledge.Indexing;
using ServiceDesk.Core.Knowledge.Search;
using ServiceDesk.Core.Knowledge.Transfer;

namespace ServiceDesk.Core.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the knowledge base: options (section "Knowledge", validated at start), analysis,
    /// the derived index, search, import/export, the first-start seeder and the index refresher.
    /// Articles are stored in the main store (<see cref="ServiceDesk.Core.Storage.ServiceDeskDbContext"/>, through its
    /// pooled context factory) when one is registered, otherwise by an <see cref="IKnowledgeStore"/> registered before
    /// this call, otherwise in memory.
    /// </summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, bool runIndexRefresher = true)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (services.Any(d => d.ServiceType == typeof(Microsoft.EntityFrameworkCore.IDbContextFactory<ServiceDesk.Core.Storage.ServiceDeskDbContext>)))
        {
            services.TryAddSingleton<IKnowledgeStore, EfKnowledgeStore<ServiceDesk.Core.Storage.ServiceDeskDbContext>>();
        }
        services.TryAddSingleton<IKnowledgeStore, InMemoryKnowledgeStore>();
        services.TryAddSingleton<TextAnalyzer>();
        services.TryAddSingleton(SearchTuning.Default);
        services.TryAddSingleton(sp => new KnowledgeIndex(
            sp.GetRequiredService<TextAnalyzer>(), sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.IndexPath));
        services.TryAddSingleton<FeedbackMemory>();
        services.TryAddSingleton<KnowledgeSearcher>();
        services.TryAddSingleton<KnowledgeBase>();
        services.TryAddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        services.TryAddSingleton<KnowledgeTransfer>();
        services.TryAddSingleton<KnowledgeSeeder>();
        if (runIndexRefresher)
        {
            services.AddHostedService<KnowledgeIndexRefresher>();
        }
        return services;
    }

    /// <summary>Stores articles and feedback in the given EF Core context (its factory must be registered; the context applies the Knowledge entity configurations).</summary>
    public static IServiceCollection AddKnowledgeStore<TContext>(this IServiceCollection services)
        where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        services.RemoveAll<IKnowledgeStore>();
        services.AddSingleton<IKnowledgeStore, EfKnowledgeStore<TContext>>();
        return services;
    }
}
