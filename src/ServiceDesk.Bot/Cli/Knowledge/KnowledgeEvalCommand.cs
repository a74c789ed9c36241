using System.Globalization;
using ServiceDesk.Core.Knowledge;
using ServiceDesk.Core.Knowledge.Evaluation;

namespace ServiceDesk.Bot.Cli.Knowledge;

/// <summary>`kb eval &lt;queries.jsonl&gt; [--guess-lang] [--verbose]`: recall@1, recall@3, MRR@10 and false suggestions per language and overall.</summary>
public static class KnowledgeEvalCommand
{
    public static async Task<int> RunAsync(List<string> rest, KnowledgeCommandLine line, KnowledgeBase kb, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (rest.Count != 1) return await KnowledgeCommands.UsageErrorAsync(stderr, "kb eval: give the queries file (JSONL)");
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
}
