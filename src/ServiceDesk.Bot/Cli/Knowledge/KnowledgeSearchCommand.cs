using System.Globalization;
using System.Text.Json;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Knowledge.Search;

namespace ServiceDesk.Bot.Cli.Knowledge;

/// <summary>`kb search "&lt;text&gt;" [--lang xx] [--top k] [--json]`, or one query per line from stdin.</summary>
public static class KnowledgeSearchCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(List<string> rest, KnowledgeCommandLine line, KnowledgeBase kb, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken ct)
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
}
