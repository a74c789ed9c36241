using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>Column operations that read the same on both providers.</summary>
public static class MigrationColumnExtensions
{
    /// <summary>Marks a key column as generated on both providers (SQLite AUTOINCREMENT, PostgreSQL identity).</summary>
    public static OperationBuilder<T> Identity<T>(this OperationBuilder<T> column) where T : Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation =>
        column.Annotation("Sqlite:Autoincrement", true)
              .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    /// <summary>
    /// Drops a column that no index, key or constraint uses. EF drops a SQLite column by rebuilding the table, which needs
    /// a model these hand-written migrations do not carry; SQLite itself drops such a column since 3.35.
    /// </summary>
    public static void DropPlainColumn(this MigrationBuilder m, string column, string table)
    {
        if (m.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            m.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
        else
            m.DropColumn(column, table);
    }
}
