using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServiceDesk.Core.Storage;

/// <summary>Hands EF Core a <see cref="ReusedSqliteCommand"/> for commands on a <see cref="SqliteWriter"/>'s connection.</summary>
internal sealed class SqliteWriterCommands : DbCommandInterceptor
{
    public static SqliteWriterCommands Instance { get; } = new();

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is SqliteConnection connection && SqliteWriter.Of(connection) is { } writer
            ? InterceptionResult<DbCommand>.SuppressWithResult(new ReusedSqliteCommand(writer, connection))
            : result;
}
