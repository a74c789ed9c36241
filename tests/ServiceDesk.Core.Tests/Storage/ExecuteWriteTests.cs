using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Storage;

public sealed class ExecuteWriteTests
{
    [Fact]
    public async Task ExecuteWrite_when_a_save_is_writing_queues_behind_it_and_then_runs()
    {
        await using var desk = await TestDesk.StartAsync();
        await using var db = await desk.Get<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var gate = SqliteWriteGate.For(db.Database.GetConnectionString()!);
        var finishSave = new TaskCompletionSource();
        var save = gate.RunAsync(async () =>
        {
            await finishSave.Task; // a turn's save holding the gate
            return 0;
        }, CancellationToken.None);
        var ran = false;

        var write = db.ExecuteWriteAsync(async c =>
        {
            ran = true;
            return await db.ProcessedMessages.Where(p => p.Channel == "none").ExecuteDeleteAsync(c);
        });

        Assert.False(ran); // without the gate it would run at once, beside the save, and sleep in SQLite's busy handler
        finishSave.SetResult();
        await save;
        Assert.Equal(0, await write);
        Assert.True(ran);
    }
}
