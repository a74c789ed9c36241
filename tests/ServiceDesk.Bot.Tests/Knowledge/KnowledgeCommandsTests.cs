using ServiceDesk.Bot.Cli.Knowledge;

namespace ServiceDesk.Bot.Tests.Knowledge;

/// <summary>The `kb` admin commands over an in-memory store: clear messages for bad input, nothing stored lost.</summary>
public sealed class KnowledgeCommandsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "kb-cli-" + Guid.NewGuid().ToString("N"));

    public KnowledgeCommandsTests()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "vpn-en.md"), "---\nid: vpn-en\ntitle: VPN does not connect\ntags: [vpn]\nlang: en\n---\nRestart the VPN client.\n");
        File.WriteAllText(Path.Combine(folder, "vpn-ru.md"), "---\nid: vpn-ru\ntitle: Не подключается VPN\ntags: [vpn, впн]\nlang: ru\n---\nПерезапустите клиент VPN.\n");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int Exit, string Out, string Err)> Run(IServiceProvider services, string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await KnowledgeCommands.RunAsync(args, services, new StringReader(stdin), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Import_when_a_file_is_malformed_names_file_and_line_and_keeps_the_rest()
    {
        using var services = KnowledgeStandaloneHost.Build(Path.Combine(folder, "none"));
        File.WriteAllText(Path.Combine(folder, "bad.md"), "---\nid: bad\ntitle: Bad\nlang: de\n---\nbody\n");

        var (exit, output, error) = await Run(services, "", "import", folder);

        Assert.Equal(1, exit);
        Assert.Contains("bad.md:4: unknown language 'de' (supported: en, ru, pl)", error);
        Assert.Contains("2 added, 0 updated, 0 unchanged, 1 rejected", output);
        var again = await Run(services, "", "import", folder);
        Assert.Contains("0 added, 0 updated, 2 unchanged, 1 rejected", again.Out);
    }

    [Fact]
    public async Task Search_when_query_is_empty_or_ten_thousand_characters_says_why()
    {
        using var services = KnowledgeStandaloneHost.Build(folder);

        var empty = await Run(services, "", "search");
        var huge = await Run(services, "", "search", new string('x', 10_000));

        Assert.Equal(1, empty.Exit);
        Assert.Contains("The query is empty", empty.Err);
        Assert.Equal(1, huge.Exit);
        Assert.Contains("10,000 characters long; the limit is 2,000", huge.Err);
    }

    [Fact]
    public async Task Search_reads_one_query_per_line_from_stdin_and_prints_json()
    {
        using var services = KnowledgeStandaloneHost.Build(folder);

        var (exit, output, _) = await Run(services, "vpn does not connect\nне подключается впн\n", "search", "--json", "--top", "1");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"articleId\":\"vpn-en\"", lines[0]);
        Assert.Contains("\"articleId\":\"vpn-ru\"", lines[1]);
        Assert.Contains("\"language\":\"ru\"", lines[1]);
    }

    [Fact]
    public async Task Search_when_language_is_unknown_names_the_supported_ones()
    {
        using var services = KnowledgeStandaloneHost.Build(folder);
        var (exit, _, error) = await Run(services, "", "search", "vpn", "--lang", "de");
        Assert.Equal(1, exit);
        Assert.Contains("unknown language 'de' (supported: en, ru, pl)", error);
    }

    [Fact]
    public async Task Eval_prints_recall_mrr_and_false_suggestions_per_language_and_overall()
    {
        using var services = KnowledgeStandaloneHost.Build(folder);
        var queries = Path.Combine(folder, "q.jsonl");
        File.WriteAllText(queries,
            "{\"q\":\"vpn not connecting\",\"lang\":\"en\",\"relevant\":[\"vpn-en\"]}\n" +
            "{\"q\":\"не подключается впн\",\"lang\":\"ru\",\"relevant\":[\"vpn-ru\"]}\n" +
            "{\"q\":\"как заказать пиццу\",\"lang\":\"ru\",\"relevant\":[]}\n");

        var (exit, output, _) = await Run(services, "", "eval", queries);

        Assert.Equal(0, exit);
        Assert.Contains("recall@1  recall@3  MRR@10", output);
        Assert.Matches(@"overall\s+3\s+2\s+1\.000\s+1\.000\s+1\.000\s+1\s+0\.0 %", output);
    }

    [Fact]
    public async Task Unknown_command_prints_usage()
    {
        using var services = KnowledgeStandaloneHost.Build(folder);
        var (exit, _, error) = await Run(services, "", "frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("usage: kb import <folder>", error);
    }
}
