using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Bot.Cli;
using ServiceDesk.Core.Tickets.Lifecycle;

namespace ServiceDesk.Bot.Tests.Hosting;

public sealed class ReadmeTests
{

    [Fact]
    public void Readme_lifecycle_diagram_when_compared_with_the_transition_table_is_current()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf("```mermaid\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no mermaid block");
        start += "```mermaid\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        Assert.Equal(LifecycleDiagram.ToMermaid(), readme[start..end]);
    }

    [Fact]
    public async Task Cli_lifecycle_prints_the_mermaid_diagram()
    {
        var stdout = new StringWriter();
        var code = await CliRunner.RunAsync(["lifecycle"], TextReader.Null, stdout, TextWriter.Null);
        Assert.Equal(0, code);
        Assert.Equal(LifecycleDiagram.ToMermaid(), stdout.ToString());
    }
}
