using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDesk.Core.Knowledge;

namespace ServiceDesk.Bot.Cli.Knowledge;

/// <summary>Services for running `kb` commands without the web host: the knowledge base over an in-memory store, seeded from Knowledge:Folder.</summary>
public static class KnowledgeStandaloneHost
{
    public static ServiceProvider Build(string? folder = null)
    {
        var settings = new Dictionary<string, string?>();
        if (folder is not null) settings["Knowledge:Folder"] = folder;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (Environment.GetEnvironmentVariable("KNOWLEDGE_TUNING") is { Length: > 0 } tuning)
        {
            services.AddSingleton(ServiceDesk.Core.Knowledge.Search.SearchTuning.Parse(tuning));
        }
        services.AddKnowledgeBase(runIndexRefresher: false);
        return services.BuildServiceProvider();
    }
}
