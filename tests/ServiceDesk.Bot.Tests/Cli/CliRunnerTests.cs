using ServiceDesk.Bot.Cli;

namespace ServiceDesk.Bot.Tests.Cli;

public sealed class CliRunnerTests
{
    [Theory]
    [InlineData("bakup")]
    [InlineData("outbx")]
    public async Task Cli_when_the_command_is_unknown_says_so_and_exits_2_instead_of_starting_the_service(string command)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.True(CliRunner.Handles([command, "x.db"]));
        Assert.Equal(2, await CliRunner.RunAsync([command, "x.db"], TextReader.Null, output, error));
        Assert.Contains($"Unknown command '{command}'", error.ToString());
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5080")]
    [InlineData("--ServiceDesk:DataDirectory=/srv/desk", "")]
    [InlineData("urls=http://127.0.0.1:5080", "")]
    public void Cli_when_the_arguments_are_settings_leaves_them_to_the_service(string first, string second) =>
        Assert.False(CliRunner.Handles(second.Length == 0 ? [first] : [first, second]));

    [Fact]
    public async Task Cli_when_asked_for_help_lists_every_command()
    {
        var output = new StringWriter();

        Assert.Equal(0, await CliRunner.RunAsync(["help"], TextReader.Null, output, TextWriter.Null));
        foreach (var command in new[] { "lifecycle", "kb", "outbox", "forget", "backup", "check" })
            Assert.Contains($"  {command} ", output.ToString());
    }
}
