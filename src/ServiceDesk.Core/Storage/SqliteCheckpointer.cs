using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// Moves SQLite's write-ahead log into the database file in the background (a passive checkpoint: it waits for no
/// reader or writer). Left to SQLite, the commit that crosses the log's threshold does it — with its fsyncs, inside the
/// write gate, stalling every writer queued behind it for tens of milliseconds.
/// </summary>
public sealed class SqliteCheckpointer(
    IDbContextFactory<ServiceDeskDbContext> dbFactory,
    IOptions<ServiceDeskOptions> options,
    TimeProvider time,
    ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>One passive checkpoint: the log's frames and how many of them are in the database file now.</summary>
    public async Task<(long LogFrames, long Checkpointed)> CheckpointOnceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return (reader.GetInt64(1), reader.GetInt64(2));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Database.Provider == "Postgres") return;
        using var timer = new PeriodicTimer(options.Value.Database.CheckpointInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "SQLite checkpoint failed; trying again in {Interval}", options.Value.Database.CheckpointInterval);
            }
        }
    }
}
