using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// One connection that every save of this process writes through, inside the SQLite write gate. SQLite drops a
/// connection's page cache whenever another connection wrote, so a save on the turn's own pooled connection read the
/// pages it changes from the file again each time (a tenth of the service's CPU under load); the writer's cache stays
/// warm, since only the writer writes. Its compiled statements are kept too (<see cref="ReusedSqliteCommand"/>).
/// Only for a unit of work that EF Core opened from the store's connection string (not one handed a connection).
/// </summary>
public sealed class SqliteWriter : IDisposable
{
    private const int MaxKeptStatements = 128;
    private static readonly ConditionalWeakTable<DbConnection, SqliteWriter> Writers = [];

    private readonly string _connectionString;
    private readonly SqliteWriteGate _gate;
    private readonly bool _serves; // a SQLite store in a file (not PostgreSQL, not one in memory)
    private readonly Dictionary<string, Stack<SqliteCommand>> _kept = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal); // the direct save's
    private int _keptCount;
    private int _compiled;
    private int _directSaves;
    private int _fallbackSaves;
    private SqliteConnection? _connection;
    private SqliteDirectSave? _directSave;

    public SqliteWriter(IOptions<ServiceDeskOptions> options)
    {
        _connectionString = StoreRegistration.SqliteConnectionString(options.Value);
        _gate = SqliteWriteGate.For(_connectionString);
        _serves = options.Value.Database.Provider != "Postgres"
            && new SqliteConnectionStringBuilder(_connectionString).Mode != SqliteOpenMode.Memory;
    }

    /// <summary>How many commands the writer has made (each compiles its SQL once): a save of a shape seen before makes none.</summary>
    public int CommandsMade => Volatile.Read(ref _compiled);

    /// <summary>How many saves were written without EF Core's update pipeline (<see cref="SqliteDirectSave"/>).</summary>
    public int DirectSaves => Volatile.Read(ref _directSaves);

    /// <summary>How many saves on the writer had a change the direct save does not cover, and went through EF Core.</summary>
    public int FallbackSaves => Volatile.Read(ref _fallbackSaves);

    /// <summary>The SQL of the statements the writer keeps compiled (for tests and diagnostics; call inside the write gate).</summary>
    internal IReadOnlyCollection<string> KeptSql => _kept.Keys;

    /// <summary>The writer whose connection <paramref name="connection"/> is, if any (for <see cref="SqliteWriterCommands"/>).</summary>
    internal static SqliteWriter? Of(DbConnection? connection) =>
        connection is not null && Writers.TryGetValue(connection, out var writer) ? writer : null;

    /// <summary>Whether <paramref name="db"/>'s saves can go through this writer.</summary>
    public bool Serves(ServiceDeskDbContext db)
    {
        if (!_serves || !db.OnSqlite) return false;
        var relational = RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>());
        return relational.Connection is null && relational.ConnectionString == _connectionString;
    }

    /// <summary>
    /// Runs <paramref name="work"/> (a save, a write, a short read) with <paramref name="db"/> on the writer's connection,
    /// in the write gate's queue. Afterwards the unit of work has a new, closed connection of its own (opened again when
    /// it next reads).
    /// </summary>
    public Task<T> RunAsync<T>(ServiceDeskDbContext db, Func<Task<T>> work, CancellationToken ct) =>
        _gate.RunAsync(() => RunInGateAsync(db, work, ct), ct);

    private async Task<T> RunInGateAsync<T>(ServiceDeskDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        for (var i = 0; i < 8 && db.Database.GetDbConnection().State != ConnectionState.Closed; i++)
            await db.Database.CloseConnectionAsync();
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        var failed = true;
        try
        {
            var result = await work();
            failed = false;
            return result;
        }
        finally
        {
            db.Database.SetDbConnection(new SqliteConnection(_connectionString), contextOwnsConnection: true);
            // a broken connection, or one a unit left inside a transaction it never ended, is opened anew next time
            // (closing it rolls that transaction back): the next save must not start inside someone else's
            if ((failed && connection.State != ConnectionState.Open) || InTransaction(connection)) Drop();
        }
    }

    /// <summary>
    /// A passive checkpoint on the writer's connection, inside the write gate: no save appends to the log meanwhile, so
    /// it can move all of it (unless a reader still reads an older snapshot), and the next save then starts the log
    /// over from its beginning. The log's frames and how many are in the database file; null for a store not in a file.
    /// </summary>
    public Task<(long LogFrames, long Checkpointed)?> CheckpointAsync(CancellationToken ct) =>
        !_serves
            ? Task.FromResult<(long, long)?>(null)
            : _gate.RunAsync<(long, long)?>(async () => await SqliteCheckpointer.PassiveAsync(await OpenAsync(ct), ct), ct);

    private static bool InTransaction(SqliteConnection connection) =>
        connection is { State: ConnectionState.Open, Handle: { } handle } && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    internal (SqliteCommand Command, bool Kept) Rent(SqliteConnection connection, string sql)
    {
        if (_kept.TryGetValue(sql, out var stack) && stack.TryPop(out var command)) return (command, true);
        Interlocked.Increment(ref _compiled);
        var fresh = connection.CreateCommand();
        fresh.CommandText = sql;
        if (_keptCount >= MaxKeptStatements) return (fresh, false);
        _keptCount++;
        return (fresh, true);
    }

    /// <summary>
    /// Saves <paramref name="db"/>'s changes with <see cref="SqliteDirectSave"/> when it covers all of them (the caller is
    /// in the write gate with the unit of work on this writer's connection); null when EF Core must save.
    /// </summary>
    internal int? TryDirectSave(ServiceDeskDbContext db, SqliteConnection connection, bool acceptAllChanges)
    {
        var direct = _directSave ??= new SqliteDirectSave(db.Model);
        if (direct.Plan(db.ChangeTracker) is not { } pending)
        {
            Interlocked.Increment(ref _fallbackSaves);
            return null;
        }
        if (pending.Count == 0) return 0; // nothing changed: nothing to write, as with EF Core
        var written = direct.Write(this, connection, pending, acceptAllChanges, db.ChangeTracker);
        Interlocked.Increment(ref _directSaves);
        return written;
    }

    /// <summary>A kept statement of <see cref="SqliteDirectSave"/> with its parameters <c>$p0</c>… made once.</summary>
    internal SqliteCommand Statement(SqliteConnection connection, string sql, int parameters)
    {
        if (_statements.TryGetValue(sql, out var kept)) return kept;
        Interlocked.Increment(ref _compiled);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
            command.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
        _statements[sql] = command;
        return command;
    }

    internal void Return(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        if (!_kept.TryGetValue(command.CommandText, out var stack)) _kept[command.CommandText] = stack = new Stack<SqliteCommand>(1);
        stack.Push(command);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        if (_connection is { State: ConnectionState.Open } open) return open;
        Drop();
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = SqlitePragmas.Sql;
            await pragmas.ExecuteNonQueryAsync(ct);
        }
        Writers.AddOrUpdate(connection, this);
        return _connection = connection;
    }

    private void Drop()
    {
        foreach (var command in _kept.Values.SelectMany(s => s).Concat(_statements.Values)) command.Dispose();
        _kept.Clear();
        _statements.Clear();
        _keptCount = 0;
        if (_connection is null) return;
        Writers.Remove(_connection);
        _connection.Dispose();
        _connection = null;
    }

    public void Dispose() => Drop();
}
