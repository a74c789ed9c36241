using System.Collections.Concurrent;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// SQLite has one writer at a time and makes the others sleep in its busy handler; under load those sleeps, not the
/// writes, dominate. Saves to the same database file in this process therefore queue here instead (SQLite is the
/// one-process store; several replicas use PostgreSQL). A save that finds nobody writing writes at once on its own
/// thread; saves that arrive meanwhile queue, and one thread runs the queue back to back (handing a lock from one
/// awaiting save to the next would go through the thread pool's queue, behind every request waiting there, and leave
/// the database idle meanwhile).
/// </summary>
public sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<Func<Task>> _queue = new();
    private int _writing; // 1 while a thread writes (its own save, or the queue)

    private SqliteWriteGate()
    {
    }

    public static SqliteWriteGate For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SqliteWriteGate());

    /// <summary>Runs <paramref name="write"/> when the saves queued before it are done; no other save runs meanwhile.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (TryEnter())
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                return await write();
            }
            finally
            {
                Exit();
            }
        }

        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Enqueue(async () =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellationToken);
                return;
            }
            try
            {
                done.TrySetResult(await write());
            }
            catch (OperationCanceledException e)
            {
                done.TrySetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        // the writer may have finished between the check above and the queueing: then this thread runs the queue
        if (TryEnter())
            _ = DrainAsync();
        return await done.Task;
    }

    private bool TryEnter() => Interlocked.CompareExchange(ref _writing, 1, 0) == 0;

    /// <summary>Leaves after one's own save: what queued meanwhile runs on a pool thread, this caller goes on.</summary>
    private void Exit()
    {
        Volatile.Write(ref _writing, 0);
        if (!_queue.IsEmpty && TryEnter())
            _ = Task.Run(DrainAsync);
    }

    /// <summary>Runs the queued saves back to back until none is left (the caller has entered).</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var next))
                await next(); // never throws: each queued save reports to its own caller
            Volatile.Write(ref _writing, 0);
            if (_queue.IsEmpty || !TryEnter())
                return;
        }
    }
}
