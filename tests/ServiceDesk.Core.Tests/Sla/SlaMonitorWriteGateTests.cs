using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;
using static ServiceDesk.Core.Tests.Sla.TestCalendars;

namespace ServiceDesk.Core.Tests.Sla;

/// <summary>The monitor's batch and a turn's save on one SQLite file: they take turns instead of waiting for each other.</summary>
public sealed class SlaMonitorWriteGateTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sd-sla-gate-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Monitor_when_a_save_queues_while_a_batch_runs_neither_waits_for_the_other()
    {
        var began = new TransactionBegan();
        using var desk = new SlaDesk(Local(Warsaw, 2026, 11, 23, 10), store: new SqliteTestStore(_file, began));
        var key = await desk.OpenAsync(Priority.P2);
        await desk.ActAsync(key, (t, c) => t.Claim(desk.Engineer(SlaDesk.Lena), c));
        desk.Clock.SetTo(Local(Warsaw, 2026, 11, 23, 14)); // the 50 % warning is due
        string connectionString;
        await using (var db = desk.Store.CreateDbContext())
            connectionString = db.Database.GetConnectionString()!;
        began.Arm();

        // a turn's save holds the write gate and writes once the batch has begun its transaction (or after half a
        // second); with the batch's transaction outside the gate, the batch held SQLite's write lock and queued its
        // save behind this one, which slept for that lock until the busy timeout failed it
        var turn = SqliteWriteGate.For(connectionString).RunAsync(async () =>
        {
            await Task.WhenAny(began.Task, Task.Delay(500));
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 3 }.ToString());
            await connection.OpenAsync();
            foreach (var sql in new[] { "PRAGMA busy_timeout = 3000", "BEGIN IMMEDIATE", "UPDATE tickets SET Title = Title", "COMMIT" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql; // one statement per command: SQLite's busy error then surfaces as an exception
                await command.ExecuteNonQueryAsync();
            }
            return 0;
        }, CancellationToken.None);
        var tick = desk.TickAsync();

        var turnFailure = await Record.ExceptionAsync(() => turn);
        Assert.True(await tick > 0); // before the assertion on the turn: the file must outlive the batch
        Assert.Null(turnFailure);
        Assert.Contains(await desk.OutboxAsync(), m => m.Message.Text.Contains("50% of the resolution time", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm", _file + "-journal" })
            File.Delete(path);
    }

    /// <summary>Completes when a transaction begins after <see cref="Arm"/>.</summary>
    private sealed class TransactionBegan : DbTransactionInterceptor
    {
        private TaskCompletionSource _began = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _armed;

        public Task Task => _began.Task;

        public void Arm()
        {
            _began = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _armed = true;
        }

        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            if (_armed) _began.TrySetResult();
            return result;
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            if (_armed) _began.TrySetResult();
            return ValueTask.FromResult(result);
        }
    }
}
