using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tests.Storage;

public sealed class SqliteWriteGateTests
{
    private static SqliteWriteGate NewGate() => SqliteWriteGate.For($"Data Source=gate-test-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task RunAsync_when_many_saves_race_runs_one_at_a_time_and_answers_each()
    {
        var gate = NewGate();
        var active = 0;
        var mostAtOnce = 0;
        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() => gate.RunAsync(async () =>
        {
            var now = Interlocked.Increment(ref active);
            InterlockedMax(ref mostAtOnce, now);
            if (i % 3 == 0)
                await Task.Yield(); // some writes go asynchronous halfway, as a contended room gate makes them
            else
                Thread.SpinWait(200);
            Interlocked.Decrement(ref active);
            return i;
        }, CancellationToken.None))));

        Assert.Equal(1, mostAtOnce);
        Assert.Equal(Enumerable.Range(0, 300), results);
    }

    [Fact]
    public async Task RunAsync_when_nobody_writes_runs_the_write_on_the_callers_thread()
    {
        var gate = NewGate();
        var caller = Environment.CurrentManagedThreadId;
        var writer = -1;

        var save = gate.RunAsync(() =>
        {
            writer = Environment.CurrentManagedThreadId;
            return Task.FromResult(42);
        }, CancellationToken.None);

        Assert.True(save.IsCompletedSuccessfully); // no hop through a queue or the thread pool
        Assert.Equal(caller, writer);
        Assert.Equal(42, await save);
    }

    [Fact]
    public async Task RunAsync_when_a_queued_write_throws_fails_only_its_own_caller()
    {
        var gate = NewGate();
        var (first, release) = HeldSave(gate, 1);
        var failing = gate.RunAsync<int>(() => throw new InvalidOperationException("constraint"), CancellationToken.None);
        var after = gate.RunAsync(() => Task.FromResult(3), CancellationToken.None);

        release.SetResult();

        Assert.Equal(1, await first);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("constraint", error.Message);
        Assert.Equal(3, await after);
    }

    [Fact]
    public async Task RunAsync_when_the_write_throws_while_nobody_else_writes_fails_and_frees_the_gate()
    {
        var gate = NewGate();

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<int>(() => throw new InvalidOperationException(), CancellationToken.None));

        Assert.Equal(7, await gate.RunAsync(() => Task.FromResult(7), CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_when_cancelled_while_queued_never_writes_and_the_queue_goes_on()
    {
        var gate = NewGate();
        var (first, release) = HeldSave(gate, 1);
        using var cancel = new CancellationTokenSource();
        var wrote = false;
        var cancelled = gate.RunAsync(() =>
        {
            wrote = true;
            return Task.FromResult(2);
        }, cancel.Token);
        var after = gate.RunAsync(() => Task.FromResult(3), CancellationToken.None);

        await cancel.CancelAsync();
        release.SetResult();

        Assert.Equal(1, await first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(wrote);
        Assert.Equal(3, await after);
    }

    /// <summary>A save that holds the gate until <c>release</c> is set: the saves after it queue.</summary>
    private static (Task<int> Save, TaskCompletionSource Release) HeldSave(SqliteWriteGate gate, int result)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var save = gate.RunAsync(async () =>
        {
            await release.Task;
            return result;
        }, CancellationToken.None);
        return (save, release);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
