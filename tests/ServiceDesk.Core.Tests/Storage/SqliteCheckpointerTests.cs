using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Storage;

/// <summary>
/// The background checkpoint, and the log's restart. SQLite starts its write-ahead log over only for a writer whose
/// snapshot is wholly in the database file: the restart tests first leave a log that a save cannot start over by itself
/// (a save committed while a reader held an older snapshot, so that frames are appended after the checkpointed ones,
/// as when turns write during a background pass).
/// </summary>
public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task Checkpointer_when_the_log_has_frames_moves_them_all_into_the_database_file()
    {
        await using var desk = await TestDesk.StartAsync();
        await using var keep = await KeepLogAsync(desk);
        await desk.SendAsync("alice", "alice", "help");
        var checkpointer = desk.Get<SqliteCheckpointer>();

        var (log, moved) = await checkpointer.CheckpointOnceAsync(CancellationToken.None);

        Assert.True(log > 0);
        Assert.Equal(log, moved);
    }

    [Fact]
    public async Task Writer_checkpoint_when_saves_came_after_the_background_pass_lets_the_next_save_start_the_log_over()
    {
        await using var desk = await TestDesk.StartAsync();
        await using var keep = await KeepLogAsync(desk);
        var grown = await GrowLogPastBackgroundPassAsync(desk, keep);

        var (frames, moved) = (await desk.Get<SqliteWriter>().CheckpointAsync(CancellationToken.None))!.Value;
        await desk.SendAsync("alice", "alice", "help");

        Assert.Equal(frames, moved);
        var (log, _) = await desk.Get<SqliteCheckpointer>().CheckpointOnceAsync(CancellationToken.None);
        Assert.True(log < grown, $"the log was not started over: {log} frames, {grown} before the last save");
    }

    [Fact]
    public async Task Checkpointer_tick_when_the_log_is_past_the_restart_mark_moves_the_rest_in_the_write_gate()
    {
        await using var desk = await TestDesk.StartAsync();
        await using var keep = await KeepLogAsync(desk);
        var grown = await GrowLogPastBackgroundPassAsync(desk, keep);
        var checkpointer = desk.Get<SqliteCheckpointer>();
        checkpointer.RestartAtFrames = 1;

        Assert.True(await checkpointer.TickAsync(CancellationToken.None));
        await desk.SendAsync("alice", "alice", "help");

        var (log, _) = await checkpointer.CheckpointOnceAsync(CancellationToken.None);
        Assert.True(log < grown, $"the log was not started over: {log} frames, {grown} before the last save");
    }

    [Fact]
    public async Task Checkpointer_tick_when_the_log_is_short_of_the_restart_mark_does_not_enter_the_write_gate()
    {
        await using var desk = await TestDesk.StartAsync();
        await using var keep = await KeepLogAsync(desk);
        var grown = await GrowLogPastBackgroundPassAsync(desk, keep);
        var checkpointer = desk.Get<SqliteCheckpointer>();
        checkpointer.RestartAtFrames = grown + 1_000;

        Assert.False(await checkpointer.TickAsync(CancellationToken.None));
    }

    /// <summary>
    /// A connection held open keeps the log: the last connection to close checkpoints and deletes it (another test's
    /// <c>ClearAllPools</c> may close this desk's idle pooled ones). It holds no snapshot.
    /// </summary>
    private static async Task<SqliteConnection> KeepLogAsync(TestDesk desk)
    {
        string? connectionString;
        await using (var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync())
            connectionString = db.Database.GetConnectionString();
        var keep = new SqliteConnection(connectionString);
        await keep.OpenAsync();
        return keep;
    }

    /// <summary>
    /// A save; a background pass while <paramref name="reader"/> reads, and a save after it (the reader's snapshot keeps
    /// that save from starting the log over); a pass that the reader keeps from moving the second save. The log's
    /// frames afterwards, some of them not in the database file, as when turns wrote during a background pass.
    /// </summary>
    private static async Task<long> GrowLogPastBackgroundPassAsync(TestDesk desk, SqliteConnection reader)
    {
        var checkpointer = desk.Get<SqliteCheckpointer>();
        await desk.SendAsync("alice", "alice", "help");
        await using var read = reader.BeginTransaction(deferred: true);
        await using (var select = reader.CreateCommand())
        {
            select.Transaction = read;
            select.CommandText = "SELECT count(*) FROM processed_messages";
            await select.ExecuteScalarAsync();
        }
        await checkpointer.CheckpointOnceAsync(CancellationToken.None);
        await desk.SendAsync("alice", "alice", "help");
        var (log, moved) = await checkpointer.CheckpointOnceAsync(CancellationToken.None);
        await read.CommitAsync();
        Assert.True(moved > 0 && moved < log, $"expected a log partly checkpointed, got {log} frames, {moved} moved");
        return log;
    }
}
