using ServiceDesk.Bot.Cli;
using ServiceDesk.Bot.Cli.Privacy;
using ServiceDesk.Bot.Tests.Hosting;
using ServiceDesk.Bot.Tests.Privacy;

namespace ServiceDesk.Bot.Tests.Cli;

public sealed class ForgetCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(IServiceProvider services, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ForgetCommand.RunAsync(args, services, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Forget_when_the_person_has_data_prints_the_counts_and_a_second_run_finds_nothing()
    {
        await using var desk = new DeskFactory();
        desk.CreateClient();
        await PrivacySeed.WithAsync(desk.Services, db =>
        {
            db.Profiles.Add(PrivacySeed.Profile("telegram:4242", "telegram", "4242"));
            db.Tickets.Add(PrivacySeed.Ticket(1, "telegram:4242", "telegram", "4242"));
        });

        var (exit, output, error) = await RunAsync(desk.Services, "telegram:4242");

        Assert.Equal((0, ""), (exit, error));
        Assert.Matches(@"^Erased the data of telegram:4242; their tickets now name erased:[0-9a-f]{12}:\n", output);
        Assert.Contains("  person_profiles: 1\n", output);
        Assert.Contains("  tickets: 1\n", output);
        Assert.Equal((0, "Nothing to erase: the store holds no data of telegram:4242.\n", ""), await RunAsync(desk.Services, "telegram:4242"));
    }

    [Fact]
    public async Task Forget_when_the_person_is_configured_staff_erases_and_says_to_remove_them_from_the_settings()
    {
        await using var desk = new DeskFactory();
        desk.CreateClient();
        await PrivacySeed.WithAsync(desk.Services, db => db.Profiles.Add(PrivacySeed.Profile("lena", "web", "lena")));

        var (exit, output, _) = await RunAsync(desk.Services, "lena");

        Assert.Equal(0, exit);
        Assert.Contains("lena is still named in the configuration", output);
    }

    [Theory]
    [InlineData]
    [InlineData("a", "b")]
    [InlineData(" ")]
    [InlineData("--all")]
    public async Task Forget_when_the_arguments_are_wrong_prints_the_usage_and_exits_2(params string[] args)
    {
        await using var desk = new DeskFactory();
        desk.CreateClient();

        Assert.Equal((2, "", ForgetCommand.Usage + "\n"), await RunAsync(desk.Services, args));
    }

    [Fact]
    public async Task Cli_forget_without_a_person_exits_2_before_touching_any_store()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.True(CliRunner.Handles(["forget"]));
        Assert.Equal(2, await CliRunner.RunAsync(["forget"], TextReader.Null, output, error));
        Assert.Equal(ForgetCommand.Usage + "\n", error.ToString());
    }
}
