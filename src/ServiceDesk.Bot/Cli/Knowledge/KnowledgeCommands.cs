using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Knowledge.Transfer;

namespace ServiceDesk.Bot.Cli.Knowledge;

/// <summary>
/// `kb` admin commands: import, export, search, eval, show, publish. Returns the process exit code
/// (0 ok, 1 bad input or partial failure, 2 usage).
/// </summary>
public static class KnowledgeCommands
{
    public const string Usage = """
        usage: kb import <folder>
               kb export <folder>
               kb search "<text>" [--lang en|ru|pl] [--top k] [--json]   (no text: one query per line from stdin)
               kb eval <queries.jsonl> [--guess-lang] [--verbose]
               kb show <article-id>
               kb publish <article-id>
        """;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var (line, error) = KnowledgeCommandLine.Parse(args);
        if (line is null || line.Positional.Count == 0)
        {
            await stderr.WriteLineAsync(error ?? "kb: which command?");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
        var command = line.Positional[0];
        var rest = line.Positional.Skip(1).ToList();
        var kb = services.GetRequiredService<KnowledgeBase>();
        var cancellationToken = CancellationToken.None;
        try
        {
            if (command is not ("import" or "export"))
            {
                await services.GetRequiredService<KnowledgeSeeder>().SeedIfEmptyAsync(cancellationToken);
            }
            return command switch
            {
                "import" => await ImportAsync(rest, services, stdout, stderr, cancellationToken),
                "export" => await ExportAsync(rest, services, stdout, stderr, cancellationToken),
                "search" => await KnowledgeSearchCommand.RunAsync(rest, line, kb, stdin, stdout, stderr, cancellationToken),
                "eval" => await KnowledgeEvalCommand.RunAsync(rest, line, kb, stdout, stderr, cancellationToken),
                "show" => await ShowAsync(rest, kb, stdout, stderr, cancellationToken),
                "publish" => await PublishAsync(rest, kb, stdout, stderr, cancellationToken),
                _ => await UsageErrorAsync(stderr, $"kb: unknown command '{command}'"),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            await stderr.WriteLineAsync($"kb {command}: {e.Message}");
            return 1;
        }
    }

    internal static async Task<int> UsageErrorAsync(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync(message);
        await stderr.WriteLineAsync(Usage);
        return 2;
    }

    private static async Task<int> ImportAsync(List<string> rest, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (rest.Count != 1) return await UsageErrorAsync(stderr, "kb import: give one folder");
        if (!Directory.Exists(rest[0]))
        {
            await stderr.WriteLineAsync($"kb import: the folder '{rest[0]}' does not exist");
            return 1;
        }
        var report = await services.GetRequiredService<KnowledgeTransfer>().ImportAsync(rest[0], ct);
        foreach (var id in report.Added) await stdout.WriteLineAsync($"added     {id}");
        foreach (var id in report.Updated) await stdout.WriteLineAsync($"updated   {id}");
        foreach (var rejected in report.Rejected) await stderr.WriteLineAsync($"rejected  {rejected}");
        await stdout.WriteLineAsync(report.Summary);
        return report.Rejected.Count == 0 ? 0 : 1;
    }

    private static async Task<int> ExportAsync(List<string> rest, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (rest.Count != 1) return await UsageErrorAsync(stderr, "kb export: give one folder");
        var count = await services.GetRequiredService<KnowledgeTransfer>().ExportAsync(rest[0], ct);
        await stdout.WriteLineAsync($"{count} articles written to {rest[0]}");
        return 0;
    }

    private static async Task<int> ShowAsync(List<string> rest, KnowledgeBase kb, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (rest.Count != 1) return await UsageErrorAsync(stderr, "kb show: give one article id");
        var article = await kb.GetArticleAsync(rest[0], ct);
        if (article is null)
        {
            await stderr.WriteLineAsync($"kb show: there is no article '{rest[0]}'");
            return 1;
        }
        await stdout.WriteAsync(ArticleFileWriter.Write(article));
        return 0;
    }

    private static async Task<int> PublishAsync(List<string> rest, KnowledgeBase kb, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (rest.Count != 1) return await UsageErrorAsync(stderr, "kb publish: give one article id");
        var summary = await kb.PublishAsync(rest[0], ct);
        if (summary is null)
        {
            await stderr.WriteLineAsync($"kb publish: there is no article '{rest[0]}'");
            return 1;
        }
        await stdout.WriteLineAsync($"published {summary.Id}: {summary.Title}");
        return 0;
    }
}
