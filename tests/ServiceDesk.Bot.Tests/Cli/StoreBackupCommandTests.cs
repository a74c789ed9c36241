using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ServiceDesk.Bot.Cli.Storage;
using ServiceDesk.Bot.Tests.Hosting;

namespace ServiceDesk.Bot.Tests.Cli;

/// <summary>`backup &lt;file&gt;` against a running desk, and a desk started on the copy (the restore).</summary>
public sealed class StoreBackupCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sd-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<(int Exit, string Out, string Err)> BackupAsync(IServiceProvider services, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await StoreBackupCommand.RunAsync(args, services, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static Task<HttpResponseMessage> OpenTicketAsync(HttpClient client, string title) =>
        client.PostAsJsonAsync("/api/tickets", new { title, impact = "Medium", urgency = "Medium" });

    [Fact]
    public async Task Backup_while_tickets_are_being_opened_copies_a_consistent_store_that_a_new_desk_starts_from()
    {
        var copy = Path.Combine(_folder, "servicedesk-backup.db");
        int before, after;
        await using (var desk = new DeskFactory())
        {
            var client = desk.CreateClient();
            for (var i = 1; i <= 3; i++)
                Assert.Equal(HttpStatusCode.Created, (await OpenTicketAsync(client, $"Printer {i} jams")).StatusCode);
            before = 3;
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                var n = 0;
                while (!stop.IsCancellationRequested)
                {
                    (await OpenTicketAsync(client, $"Monitor {++n} flickers")).EnsureSuccessStatusCode();
                }
                return n;
            });
            await Task.Delay(100); // the writer is under way

            var (exit, output, error) = await BackupAsync(desk.Services, copy);

            stop.Cancel();
            after = before + await writer;
            Assert.Equal("", error);
            Assert.Equal(0, exit);
            Assert.Contains($"Backed up to {copy}: ", output);
            Assert.Contains("SQLite's quick_check: ok", output);
        }

        // every ticket in the copy is whole (its history came with it), and the count lies between the two ends
        await using (var check = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False"))
        {
            await check.OpenAsync();
            await using var count = check.CreateCommand();
            count.CommandText = "SELECT count(*), sum(NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.TicketId = t.Id)) FROM tickets t";
            await using var reader = await count.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.InRange(reader.GetInt32(0), before, after);
            Assert.Equal(0, reader.GetInt32(1));
        }

        // the restore: a desk whose data folder holds the copy as its store
        await using var restored = new DeskFactory();
        Directory.CreateDirectory(restored.DataDirectory);
        File.Copy(copy, Path.Combine(restored.DataDirectory, "servicedesk.db"));
        var restoredClient = restored.CreateClient();
        var first = await restoredClient.GetFromJsonAsync<JsonElement>("/api/tickets/SD-1");
        Assert.Equal("Printer 1 jams", first.GetProperty("ticket").GetProperty("title").GetString());
        var total = (await restoredClient.GetFromJsonAsync<JsonElement>("/api/tickets")).GetProperty("total").GetInt32();
        var next = await (await OpenTicketAsync(restoredClient, "After the restore")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"SD-{total + 1}", next.GetProperty("key").GetString());
    }

    [Fact]
    public async Task Backup_when_the_file_exists_refuses_and_leaves_it_as_it_was()
    {
        await using var desk = new DeskFactory();
        desk.CreateClient(); // started: the store exists
        var existing = Path.Combine(_folder, "yesterday.db");
        await File.WriteAllTextAsync(existing, "yesterday's backup");

        var (exit, output, error) = await BackupAsync(desk.Services, existing);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"{existing} exists; a backup never overwrites anything", error);
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(existing));
    }

    [Theory]
    [InlineData]
    [InlineData("a.db", "b.db")]
    [InlineData("--force")]
    public async Task Backup_when_not_given_one_file_prints_the_usage(params string[] args)
    {
        await using var desk = new DeskFactory();

        var (exit, _, error) = await BackupAsync(desk.Services, args);

        Assert.Equal(1, exit);
        Assert.Contains(StoreBackupCommand.Usage, error);
    }

    [Fact]
    public async Task Backup_when_the_folder_does_not_exist_says_which()
    {
        await using var desk = new DeskFactory();
        desk.CreateClient();
        var missing = Path.Combine(_folder, "no-such-folder");

        var (exit, _, error) = await BackupAsync(desk.Services, Path.Combine(missing, "copy.db"));

        Assert.Equal(1, exit);
        Assert.Contains($"The folder {missing} does not exist.", error);
    }
}
