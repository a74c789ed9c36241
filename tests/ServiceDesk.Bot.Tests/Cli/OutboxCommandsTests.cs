using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Cli.Outbox;
using ServiceDesk.Bot.Cli.Storage;
using ServiceDesk.Bot.Tests.Api;
using ServiceDesk.Bot.Tests.Hosting;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Notifications;

namespace ServiceDesk.Bot.Tests.Cli;

public sealed class OutboxCommandsTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(IServiceProvider services, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await OutboxCommands.RunAsync(args, services, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Outbox_commands_list_a_parked_message_with_its_error_and_retry_puts_it_back_in_line()
    {
        await using var desk = new DeskFactory();
        desk.CreateClient();
        var id = await ParkedMessages.AddAsync(desk.Services, "web", "emp-42", "403 Forbidden: bot was blocked by the user");

        Assert.Equal((0, "Outbox: 0 pending, 0 sent, 1 parked\n", ""), await RunAsync(desk.Services));
        var (exit, output, _) = await RunAsync(desk.Services, "parked");
        Assert.Equal(0, exit);
        Assert.Matches($@"^#{id} \d{{4}}-\d\d-\d\d \d\d:\d\dZ web:emp-42 SD-7, 12 attempt\(s\): 403 Forbidden: bot was blocked by the user\n$", output);

        Assert.Equal((0, $"Outbox message {id} is back in line.\n", ""), await RunAsync(desk.Services, "retry", id.ToString()));
        Assert.Equal(new OutboxCounts(0, 1, 0), await ParkedMessages.SettledAsync(desk.Services));
        Assert.Equal((1, "", $"There is no parked outbox message {id}.\n"), await RunAsync(desk.Services, "retry", id.ToString()));
        Assert.Equal((0, "No parked messages.\n", ""), await RunAsync(desk.Services, "parked"));
    }

    [Fact]
    public async Task Outbox_drop_deletes_a_parked_message()
    {
        await using var desk = new DeskFactory();
        desk.CreateClient();
        var id = await ParkedMessages.AddAsync(desk.Services, "telegram", "555", "403 Forbidden: bot was blocked by the user");

        Assert.Equal((0, $"Outbox message {id} is dropped.\n", ""), await RunAsync(desk.Services, "drop", id.ToString()));
        Assert.Equal((0, "Outbox: 0 pending, 0 sent, 0 parked\n", ""), await RunAsync(desk.Services));
        Assert.Equal((1, "", $"There is no parked outbox message {id}.\n"), await RunAsync(desk.Services, "drop", id.ToString()));
    }

    [Theory]
    [InlineData("retry")]
    [InlineData("retry", "abc")]
    [InlineData("retry", "-1")]
    [InlineData("parked", "0")]
    [InlineData("parked", "5000")]
    [InlineData("drop")]
    [InlineData("drop", "x1")]
    [InlineData("purge")]
    public async Task Outbox_commands_when_the_arguments_are_wrong_print_the_usage(params string[] args)
    {
        await using var desk = new DeskFactory();
        desk.CreateClient();

        var (exit, output, error) = await RunAsync(desk.Services, args);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(OutboxCommands.Usage, error);
    }

    [Fact]
    public async Task Store_check_when_the_data_folder_has_no_store_names_the_file_and_creates_none()
    {
        var data = Directory.CreateTempSubdirectory("sd-nostore-").FullName;
        try
        {
            using var services = new ServiceCollection()
                .Configure<ServiceDeskOptions>(o => o.DataDirectory = data)
                .BuildServiceProvider();
            var error = new StringWriter();

            Assert.False(await StoreFile.ExistsAsync(services, error));

            Assert.Contains($"There is no store at {Path.Combine(data, "servicedesk.db")}", error.ToString());
            Assert.Empty(Directory.GetFiles(data));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Store_check_when_the_desk_has_its_store_passes()
    {
        await using var desk = new DeskFactory();
        desk.CreateClient();

        Assert.True(await StoreFile.ExistsAsync(desk.Services, TextWriter.Null));
    }
}
