using Npgsql;

namespace ServiceDesk.Core.Tests.Storage;

/// <summary>A new, empty PostgreSQL database on the server of <see cref="PostgresFactAttribute.Variable"/>, for one test.</summary>
public static class PostgresTestDatabase
{
    /// <summary>Creates the database; <c>Drop</c> (call it once whatever used the database is disposed) drops it.</summary>
    public static async Task<(string ConnectionString, Func<Task> Drop)> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var name = "sdtest_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        return (new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString(), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(admin);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        });
    }
}
