using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// Moves SQLite's write-ahead log into the database file in the background (a passive checkpoint: it waits for no
/// reader or writer), and starts the log over before it grows long. SQLite starts the log over only for a writer
/// whose snapshot is wholly in the database file, which the background passes never leave while turns keep writing.
/// Left to SQLite, the commit that crosses the log's threshold (<see cref="SqlitePragmas"/>) checkpoints the frames
/// not moved yet, with two fsyncs, inside the write gate, and so does every commit after it until one can start the
/// log over: at 1,000 turns/s that was a run of 18–28 ms stalls of every writer about every 0.7 s. Instead, once the
/// log has <see cref="RestartAtFrames"/> frames, the checkpointer repeats its pass until little was appended meanwhile
/// and then moves the rest on the writer's connection inside the write gate (<see cref="SqliteWriter.CheckpointAsync"/>).
/// </summary>
public sealed class SqliteCheckpointer(
    IDbContextFactory<ServiceDeskDbContext> dbFactory,
    SqliteWriter writer,
    IOptions<ServiceDeskOptions> options,
    TimeProvider time,
    ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>Frames appended during a pass below which the next pass is the one in the write gate.</summary>
    private const long SettledFrames = 64;

    /// <summary>Passes outside the gate per tick at most, when the log is to start over.</summary>
    private const int MaxPasses = 3;

    /// <summary>
    /// The log's length (frames) from which a tick starts it over: below SQLite's own threshold of 10,000 by two ticks'
    /// worth of frames at full load (~3,000 per 200 ms at 1,000 turns/s), so that a tick whose move cannot finish (a
    /// reader still on an older snapshot) has a next one.
    /// </summary>
    internal long RestartAtFrames { get; set; } = 4_000;

    /// <summary>One passive checkpoint: the log's frames and how many of them are in the database file now.</summary>
    public async Task<(long LogFrames, long Checkpointed)> CheckpointOnceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await PassiveAsync(connection, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A passive checkpoint on <paramref name="connection"/>: the log's frames and how many are in the database file.</summary>
    internal static async Task<(long LogFrames, long Checkpointed)> PassiveAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>
    /// One tick: a pass outside the write gate; when the log is long, more passes while turns appended much during
    /// the last one, then one inside the gate. True when the log was wholly moved in the gate (the next save starts it
    /// over, unless a reader still reads an older snapshot).
    /// </summary>
    public async Task<bool> TickAsync(CancellationToken ct)
    {
        var (log, _) = await CheckpointOnceAsync(ct);
        if (log < RestartAtFrames) return false;
        for (var pass = 1; pass < MaxPasses; pass++)
        {
            var (next, _) = await CheckpointOnceAsync(ct);
            if (next < log) return false; // a save started the log over meanwhile
            var appended = next - log;
            log = next;
            if (appended < SettledFrames) break;
        }
        return await writer.CheckpointAsync(ct) is var (frames, moved) && frames == moved;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Database.Provider == "Postgres") return;
        using var timer = new PeriodicTimer(options.Value.Database.CheckpointInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "SQLite checkpoint failed; trying again in {Interval}", options.Value.Database.CheckpointInterval);
            }
        }
    }
}
