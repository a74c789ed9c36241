using System.Data;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Storage;

/// <summary>The one connection a process's SQLite saves go through.</summary>
public sealed class SqliteWriterTests
{
    [Fact]
    public async Task Save_when_its_shape_was_saved_before_reuses_the_compiled_statements()
    {
        await using var desk = await TestDesk.StartAsync();
        var writer = desk.Get<SqliteWriter>();
        await SaveAsync(desk, "m1");
        var made = writer.CommandsMade;

        for (var i = 2; i <= 20; i++) await SaveAsync(desk, "m" + i);

        Assert.True(made > 0);
        Assert.Equal(made, writer.CommandsMade);
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(20, await db.ProcessedMessages.CountAsync());
    }

    [Fact]
    public async Task Save_when_it_fails_rolls_back_and_leaves_the_writer_and_the_unit_usable()
    {
        await using var desk = await TestDesk.StartAsync();
        await SaveAsync(desk, "taken");
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        db.ProcessedMessages.Add(Message("fresh"));
        db.ProcessedMessages.Add(Message("taken")); // the same key: the save fails

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State); // its own again, not the writer's
        Assert.Equal(1, await db.ProcessedMessages.CountAsync()); // "fresh" was rolled back with the rest
        await SaveAsync(desk, "after");
        Assert.Equal(2, await db.ProcessedMessages.CountAsync());
    }

    [Fact]
    public async Task Save_when_the_unit_began_its_own_transaction_stays_on_its_connection_until_it_commits()
    {
        await using var desk = await TestDesk.StartAsync();
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var own = db.Database.GetDbConnection();
        db.ProcessedMessages.Add(Message("in-tx"));

        await db.SaveChangesAsync();

        Assert.Same(own, db.Database.GetDbConnection());
        await tx.RollbackAsync();
        Assert.Equal(0, await db.ProcessedMessages.CountAsync());
    }

    [Fact]
    public async Task ExecuteWrite_when_run_between_saves_writes_through_the_writer()
    {
        await using var desk = await TestDesk.StartAsync();
        await SaveAsync(desk, "m1");
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();

        var deleted = await db.ExecuteWriteAsync(ct => db.ProcessedMessages.Where(p => p.MessageId == "m1").ExecuteDeleteAsync(ct));
        await SaveAsync(desk, "m2");

        Assert.Equal(1, deleted);
        Assert.Equal(["m2"], await db.ProcessedMessages.Select(p => p.MessageId).ToListAsync());
    }

    [Fact]
    public async Task Turn_when_the_store_is_sqlite_reads_its_start_through_the_writer()
    {
        await using var desk = await TestDesk.StartAsync();

        await desk.SendAsync("alice", "alice", "help");
        await desk.SendAsync("alice", "alice", "help");

        Assert.Contains(desk.Get<SqliteWriter>().KeptSql, sql => sql.Contains("LEFT JOIN \"conversations\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteTransaction_when_a_unit_leaves_its_transaction_open_rolls_it_back_and_the_next_save_works()
    {
        await using var desk = await TestDesk.StartAsync();
        await using (var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync())
        {
            await db.RunWriteTransactionAsync(async ct =>
            {
                // a transaction begun on the connection itself, past EF Core, and never ended
                var connection = db.Database.GetDbConnection();
                var transaction = await connection.BeginTransactionAsync(ct);
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO \"processed_messages\" (\"Channel\", \"MessageId\", \"ProcessedAt\") VALUES ('test', 'abandoned', 0)";
                return await insert.ExecuteNonQueryAsync(ct);
            });
        }

        await SaveAsync(desk, "next");

        await using var check = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        Assert.Equal(["next"], await check.ProcessedMessages.Select(p => p.MessageId).ToListAsync());
    }

    private static async Task SaveAsync(TestDesk desk, string messageId)
    {
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        db.ProcessedMessages.Add(Message(messageId));
        await db.SaveChangesAsync();
    }

    private static ProcessedMessage Message(string id) => new() { Channel = "test", MessageId = id, ProcessedAt = DateTimeOffset.UnixEpoch };
}
