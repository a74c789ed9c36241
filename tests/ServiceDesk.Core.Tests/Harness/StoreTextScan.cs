using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tests.Harness;

/// <summary>
/// Looks for a string in every text column of every table of a desk's store, on either provider: on SQLite every
/// column of every table found through sqlite_master and pragma table_info, on PostgreSQL every text, varchar, char,
/// json and jsonb column of the store's schema found through information_schema.columns. A table or column added
/// later is searched without changing the test.
/// </summary>
public static class StoreTextScan
{
    /// <summary>Where <paramref name="needle"/> occurs (case-insensitive), as "table.column (n rows)".</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(TestDesk desk, string needle)
    {
        var store = Open(desk);
        await using var connection = store.Connection;
        await connection.OpenAsync();
        var found = new List<string>();
        var pattern = "%" + needle.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        foreach (var (table, column) in await ColumnsAsync(connection, store.Postgres))
        {
            await using var count = connection.CreateCommand();
            // SQLite's LIKE is ASCII case-insensitive; ILIKE is PostgreSQL's equivalent
            count.CommandText = store.Postgres
                ? $"SELECT count(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS text) ILIKE @pattern ESCAPE '\\'"
                : $"SELECT count(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE @pattern ESCAPE '\\'";
            var parameter = count.CreateParameter();
            parameter.ParameterName = "@pattern";
            parameter.Value = pattern;
            count.Parameters.Add(parameter);
            var n = Convert.ToInt64(await count.ExecuteScalarAsync());
            if (n > 0) found.Add($"{table}.{column} ({n} rows)");
        }
        return found;
    }

    /// <summary>The number of tables searched (so a test can tell the scan did look).</summary>
    public static async Task<int> TableCountAsync(TestDesk desk)
    {
        var store = Open(desk);
        await using var connection = store.Connection;
        await connection.OpenAsync();
        return (await ColumnsAsync(connection, store.Postgres)).Select(c => c.Table).Distinct().Count();
    }

    /// <summary>A connection of its own (read-only on SQLite, outside any pool) to the store the desk uses.</summary>
    private static (DbConnection Connection, bool Postgres) Open(TestDesk desk)
    {
        using var db = desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContext();
        var connectionString = db.Database.GetConnectionString()!;
        if (db.Database.IsNpgsql())
            return (new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString()), true);
        var sqlite = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        return (new SqliteConnection(sqlite.ToString()), false);
    }

    private static async Task<List<(string Table, string Column)>> ColumnsAsync(DbConnection connection, bool postgres)
    {
        await using var list = connection.CreateCommand();
        list.CommandText = postgres
            ? """
              SELECT c.table_name, c.column_name FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
              WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
              ORDER BY c.table_name, c.ordinal_position
              """
            : """
              SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
              ORDER BY m.name, c.cid
              """;
        await using var reader = await list.ExecuteReaderAsync();
        var columns = new List<(string, string)>();
        while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }
}
