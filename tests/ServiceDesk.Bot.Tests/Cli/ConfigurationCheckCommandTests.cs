using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using ServiceDesk.Bot.Cli.Configuration;
using ServiceDesk.Bot.Hosting;
using ServiceDesk.Bot.Tests.Hosting;

namespace ServiceDesk.Bot.Tests.Cli;

public sealed class ConfigurationCheckCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sd-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Out, string Err)> CheckAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDesk();
        await using var app = builder.Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ConfigurationCheckCommand.RunAsync(app.Services, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Check_when_everything_is_valid_says_so_with_what_it_loaded()
    {
        await using var desk = new DeskFactory();
        var output = new StringWriter();

        var exit = await ConfigurationCheckCommand.RunAsync(desk.Services, output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Matches(@"^Settings: ok\. Dialogs in .+: 3 languages, \d+ intake steps, \d+ categories: ok\.\n$", output.ToString());
    }

    [Fact]
    public async Task Check_when_settings_are_wrong_lists_every_failure_and_fails()
    {
        var (exit, output, error) = await CheckAsync(new()
        {
            ["ServiceDesk:DataDirectory"] = _folder,
            ["ServiceDesk:TicketPrefix"] = "S D",
            ["Channels:Telegram:BotToken"] = "not-a-token",
        });

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("ServiceDesk:TicketPrefix 'S D' must be letters or digits", error);
        Assert.Contains("Channels:Telegram:BotToken does not look like a bot token", error);
        Assert.Contains("2 problem(s): the service would not start.", error);
    }

    [Fact]
    public async Task Check_when_a_dialog_file_is_broken_names_the_file_and_line()
    {
        var dialogs = Path.Combine(_folder, "dialogs");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "dialogs"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dialogs, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "dialogs"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var choices = Path.Combine(dialogs, "choices.yaml");
        File.WriteAllText(choices, "types:\n  - id: incident\n    label: [unclosed\n");

        var (exit, _, error) = await CheckAsync(new() { ["ServiceDesk:DataDirectory"] = _folder, ["ServiceDesk:DialogsDirectory"] = dialogs });

        Assert.Equal(1, exit);
        Assert.Contains(choices + ":", error);
        Assert.Contains("the service would not start.", error);
    }
}
