using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Tests.Storage;

public sealed class SchemaTests
{
    [Fact]
    public async Task Schema_when_built_by_the_migrations_has_every_table_and_column_of_the_model()
    {
        await using var desk = await TestDesk.StartAsync();
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = new Dictionary<string, bool>();
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"PRAGMA table_info(\"{table}\")";
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) columns[reader.GetString(1)] = reader.GetInt32(3) == 0 && reader.GetInt32(5) == 0;
            }
            if (columns.Count == 0)
            {
                problems.Add($"table {table} missing");
                continue;
            }
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table);
            foreach (var p in entity.GetProperties())
            {
                var name = p.GetColumnName(store)!;
                if (!columns.TryGetValue(name, out var nullable)) problems.Add($"{table}.{name} missing");
                else if (nullable != p.IsNullable && !p.IsPrimaryKey()) problems.Add($"{table}.{name}: nullable {nullable} in the database, {p.IsNullable} in the model");
            }
            foreach (var extra in columns.Keys.Except(entity.GetProperties().Select(p => p.GetColumnName(store)!)))
                problems.Add($"{table}.{extra} is not in the model");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Schema_when_built_by_the_migrations_has_every_index_of_the_model()
    {
        await using var desk = await TestDesk.StartAsync();
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table);
            foreach (var index in entity.GetIndexes())
            {
                var name = index.GetDatabaseName(store)!;
                var expected = string.Join(",", index.Properties.Select(p => p.GetColumnName(store)));
                var actual = new List<string>();
                await using (var cmd = connection.CreateCommand())
                {
                    cmd.CommandText = $"PRAGMA index_info(\"{name}\")";
                    await using var reader = await cmd.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) actual.Add(reader.GetString(2));
                }
                if (actual.Count == 0) problems.Add($"{table}: index {name} ({expected}) missing");
                else if (string.Join(",", actual) != expected) problems.Add($"{table}: index {name} is on ({string.Join(",", actual)}), the model says ({expected})");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Database_when_made_by_schema_v1_upgrades_in_place_and_keeps_its_data()
    {
        await using var desk = await TestDesk.StartAsync();
        await desk.Services.GetRequiredService<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        // Replace the fresh database with the one an earlier version left behind, then start again.
        SqliteConnection.ClearAllPools();
        var file = Path.Combine(desk.DataDirectory, "servicedesk.db");
        foreach (var f in Directory.GetFiles(desk.DataDirectory, "servicedesk.db*")) File.Delete(f);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "schema-v1.db"), file);

        await desk.RestartAsync();

        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        var all = db.Database.GetMigrations().ToList();
        Assert.True(all.Count > 1, "the test needs a migration after schema v1");
        Assert.Equal(all, applied);
        var tickets = await db.Tickets.Include(t => t.Events).OrderBy(t => t.Number).ToListAsync();
        Assert.Equal(["SD-1", "SD-2"], tickets.Select(t => t.Key));
        Assert.Equal(TicketStatus.Resolved, tickets[0].Status);
        Assert.Equal("Replaced the toner cartridge", tickets[0].Resolution);
        Assert.Contains(tickets[1].Events, e => e.Kind == TicketEventKinds.Note && e.Text == "licence needed");

        // The upgraded store keeps working: the next ticket continues the numbering.
        // (the v1 file has processed message ids of its own, so these turns use fresh ones)
        await desk.OpenTicketAsync("alice", "Scanner does not scan to email", messageIdPrefix: "after-upgrade");
        Assert.Contains(desk.Channel.Delivered, d => d.Message.Text.Contains("Ticket SD-3 is open"));
    }
}
