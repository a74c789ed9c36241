using Microsoft.Data.Sqlite;

namespace ServiceDesk.Core.Tests.Harness;

/// <summary>
/// Looks for a string in every column of every table of an SQLite store, found through sqlite_master and
/// pragma table_info: a table or column added later is searched without changing the test.
/// </summary>
public static class StoreTextScan
{
    /// <summary>Where <paramref name="needle"/> occurs (ASCII case-insensitive), as "table.column (n rows)".</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string databaseFile, string needle)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var found = new List<string>();
        foreach (var table in tables)
        {
            foreach (var column in await ColumnsAsync(connection, table))
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT count(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE $pattern ESCAPE '\\'";
                count.Parameters.AddWithValue("$pattern", "%" + needle.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
                var n = (long)(await count.ExecuteScalarAsync())!;
                if (n > 0) found.Add($"{table}.{column} ({n} rows)");
            }
        }
        return found;
    }

    /// <summary>The number of tables searched (so a test can tell the scan did look).</summary>
    public static async Task<int> TableCountAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        await using var info = connection.CreateCommand();
        info.CommandText = $"SELECT name FROM pragma_table_info('{table.Replace("'", "''")}')";
        await using var reader = await info.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }
}
