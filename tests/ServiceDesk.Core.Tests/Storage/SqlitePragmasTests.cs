using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Storage;

public sealed class SqlitePragmasTests
{
    [Fact]
    public async Task Connection_when_taken_from_the_pool_again_keeps_its_settings()
    {
        await using var desk = await TestDesk.StartAsync();
        var factory = desk.Get<IDbContextFactory<ServiceDeskDbContext>>();
        for (var round = 0; round < 3; round++)
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            Assert.Equal(30000L, await ScalarAsync(connection, "PRAGMA busy_timeout"));
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous")); // NORMAL
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
            Assert.Equal(10000L, await ScalarAsync(connection, "PRAGMA wal_autocheckpoint")); // the checkpointer's job
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Connection_when_new_after_the_pool_was_cleared_is_configured_again()
    {
        await using var desk = await TestDesk.StartAsync();
        var factory = desk.Get<IDbContextFactory<ServiceDeskDbContext>>();
        await using (var first = await factory.CreateDbContextAsync())
            await first.Database.ExecuteSqlRawAsync("SELECT 1");
        SqliteConnection.ClearAllPools();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(1L, await ScalarAsync((SqliteConnection)db.Database.GetDbConnection(), "PRAGMA foreign_keys"));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
