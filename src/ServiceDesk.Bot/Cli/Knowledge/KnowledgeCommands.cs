using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Knowledge.Evaluation;
using ServiceDesk.Core.Knowledge.Search;
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

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

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
                "search" => await SearchAsync(rest, line, kb, stdin, stdout, stderr, cancellationToken),
                "eval" => await EvalAsync(rest, line, kb, stdout, stderr, cancellationToken),
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

    private static async Task<int> UsageErrorAsync(TextWriter stderr, string message)
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

    private static async Task<int> SearchAsync(List<string> rest, KnowledgeCommandLine line, KnowledgeBase kb, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var language = line.Value("--lang");
        if (language is not null && KnowledgeLanguages.Normalize(language) is null)
        {
            await stderr.WriteLineAsync($"kb search: unknown language '{language}' (supported: {KnowledgeLanguages.Describe()})");
            return 1;
        }
        var top = 5;
        if (line.Value("--top") is { } topText && (!int.TryParse(topText, CultureInfo.InvariantCulture, out top) || top < 1 || top > KnowledgeQueryRules.MaxTop))
        {
            await stderr.WriteLineAsync($"kb search: --top must be a number from 1 to {KnowledgeQueryRules.MaxTop}");
            return 1;
        }
        var queries = new List<string>();
        if (rest.Count > 0)
        {
            queries.Add(string.Join(' ', rest));
        }
        else
        {
            while (await stdin.ReadLineAsync(ct) is { } q)
            {
                if (!string.IsNullOrWhiteSpace(q)) queries.Add(q);
            }
        }
        if (queries.Count == 0)
        {
            await stderr.WriteLineAsync("kb search: " + KnowledgeQueryRules.Validate(""));
            return 1;
        }
        var exit = 0;
        foreach (var query in queries)
        {
            if (KnowledgeQueryRules.Validate(query) is { } problem)
            {
                await stderr.WriteLineAsync("kb search: " + problem);
                exit = 1;
                continue;
            }
            var outcome = await kb.SearchDetailedAsync(query, language, top, ct);
            if (line.Has("--json"))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    query,
                    language = outcome.Query.Language,
                    languageGuessed = outcome.Query.LanguageGuessed,
                    confident = outcome.Confident,
                    reason = outcome.Reason,
                    hits = outcome.Hits,
                }, Json));
                continue;
            }
            await stdout.WriteLineAsync($"» {query}  [{outcome.Query.Language}{(outcome.Query.LanguageGuessed ? ", guessed" : "")}] terms: {string.Join(' ', outcome.Query.Words.Select(w => w.Terms[0].Term))}");
            await stdout.WriteLineAsync($"  {(outcome.Confident ? "CONFIDENT" : "not confident")}: {outcome.Reason}");
            var rank = 0;
            foreach (var hit in outcome.Hits)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {++rank}. {hit.ArticleId} [{hit.Language}] score {hit.Score:F3} coverage {hit.Coverage:F2}  {hit.Title}"));
            }
        }
        return exit;
    }

    private static async Task<int> EvalAsync(List<string> rest, KnowledgeCommandLine line, KnowledgeBase kb, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (rest.Count != 1) return await UsageErrorAsync(stderr, "kb eval: give the queries file (JSONL)");
        if (!File.Exists(rest[0]))
        {
            await stderr.WriteLineAsync($"kb eval: the file '{rest[0]}' does not exist");
            return 1;
        }
        using var reader = new StreamReader(rest[0]);
        var (queries, errors) = EvaluationReader.Read(reader);
        foreach (var e in errors) await stderr.WriteLineAsync($"kb eval: {rest[0]} {e}");
        var report = await new KnowledgeEvaluator(kb).RunAsync(queries, line.Has("--guess-lang"), ct);
        if (line.Has("--verbose"))
        {
            foreach (var miss in report.Misses) await stdout.WriteLineAsync(miss);
            await stdout.WriteLineAsync();
        }
        await stdout.WriteLineAsync("lang     queries  covered  recall@1  recall@3  MRR@10  uncovered  false-sugg  suggested-on-covered");
        foreach (var (language, m) in report.PerLanguage.Append(new("overall", report.Overall)))
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{language,-8} {m.Covered + m.Uncovered,7}  {m.Covered,7}  {m.RecallAt1,8:F3}  {m.RecallAt3,8:F3}  {m.MrrAt10,6:F3}  {m.Uncovered,9}  {m.FalseSuggestionRate,10:P1}  {m.SuggestionRateOnCovered,20:P1}"));
        }
        return errors.Count == 0 ? 0 : 1;
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
