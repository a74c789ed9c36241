using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tests.Sla;

/// <summary>The hand-written SLA migration creates what the EF model describes (columns, types, nullability, indexes).</summary>
public class SlaSchemaTests
{
    [Theory]
    [InlineData("ticket_sla")]
    [InlineData("sla_timers")]
    [InlineData("outbox")]
    [InlineData("kb_articles")]
    [InlineData("kb_feedback")]
    public void Migration_when_applied_matches_the_model(string table)
    {
        Assert.Equal(Describe(Create(migrate: false), table), Describe(Create(migrate: true), table));
    }

    private static SqliteConnection Create(bool migrate)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var options = new DbContextOptionsBuilder<ServiceDeskDbContext>().UseSqlite(connection)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;
        using var db = new ServiceDeskDbContext(options);
        if (migrate)
            db.Database.Migrate();
        else
            db.Database.EnsureCreated();
        return connection;
    }

    private static List<string> Describe(SqliteConnection connection, string table)
    {
        var lines = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY name";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                lines.Add($"column {r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)}");
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT il.name, il.\"unique\", (SELECT group_concat(name, ',') FROM pragma_index_info(il.name)) FROM pragma_index_list('{table}') il WHERE il.origin = 'c' ORDER BY il.name";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                lines.Add($"index {r.GetString(0)} unique={r.GetInt64(1)} on {r.GetString(2)}");
        }
        connection.Dispose();
        Assert.NotEmpty(lines);
        return lines;
    }
}
