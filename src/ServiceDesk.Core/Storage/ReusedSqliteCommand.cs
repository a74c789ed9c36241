using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// A command on the <see cref="SqliteWriter"/>'s connection that keeps SQLite's compiled statements: EF Core makes a
/// command per execution and disposes it, and Microsoft.Data.Sqlite compiles the SQL again for every new command (a
/// tenth of a save's work). Setting the text picks the writer's kept <see cref="SqliteCommand"/> for that SQL; disposing
/// clears its parameters and hands it back instead of finalizing its statements.
/// </summary>
internal sealed class ReusedSqliteCommand(SqliteWriter writer, SqliteConnection connection) : DbCommand
{
    private SqliteCommand? _inner;
    private bool _kept; // _inner is one of the writer's kept commands (else a one-off, disposed with this one)

    private SqliteCommand Inner => _inner ?? throw new InvalidOperationException("Set the command's text first.");

    [AllowNull]
    public override string CommandText
    {
        get => _inner?.CommandText ?? "";
        set
        {
            Release();
            (_inner, _kept) = writer.Rent(connection, value ?? "");
        }
    }

    public override int CommandTimeout
    {
        get => Inner.CommandTimeout;
        set => Inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new ArgumentException("Only text commands are supported.", nameof(value));
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, connection))
                throw new InvalidOperationException("A command of the writer connection stays on it.");
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => Inner.Transaction;
        set => Inner.Transaction = (SqliteTransaction?)value;
    }

    public override void Cancel() => _inner?.Cancel();

    public override int ExecuteNonQuery() => Inner.ExecuteNonQuery();

    public override object? ExecuteScalar() => Inner.ExecuteScalar();

    public override void Prepare() => Inner.Prepare();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Inner.ExecuteReader(behavior);

    protected override void Dispose(bool disposing)
    {
        if (disposing) Release();
        base.Dispose(disposing);
    }

    private void Release()
    {
        if (_inner is null) return;
        if (_kept) writer.Return(_inner);
        else _inner.Dispose();
        _inner = null;
    }
}
