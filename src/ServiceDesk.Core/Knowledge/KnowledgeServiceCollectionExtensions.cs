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
    /// Articles are stored by an <see cref="IKnowledgeStore"/> registered before this call
    /// (see <see cref="AddKnowledgeStore{TContext}"/>); otherwise in memory.
    /// </summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, bool runIndexRefresher = true)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
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

    /// <summary>Stores articles and feedback in the given EF Core context (which applies the Knowledge entity configurations).</summary>
    public static IServiceCollection AddKnowledgeStore<TContext>(this IServiceCollection services)
        where TContext : Microsoft.EntityFrameworkCore.DbContext
    {
        services.RemoveAll<IKnowledgeStore>();
        services.AddSingleton<IKnowledgeStore, EfKnowledgeStore<TContext>>();
        return services;
    }
}
