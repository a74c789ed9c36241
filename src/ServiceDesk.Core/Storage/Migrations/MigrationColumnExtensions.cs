using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>Marks a key column as generated on both providers (SQLite AUTOINCREMENT, PostgreSQL identity).</summary>
public static class MigrationColumnExtensions
{
    public static OperationBuilder<T> Identity<T>(this OperationBuilder<T> column) where T : Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation =>
        column.Annotation("Sqlite:Autoincrement", true)
              .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
