using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// SQLite has one writer at a time and makes the others sleep in its busy handler; under load those sleeps, not the
/// writes, dominate. Saves to the same database file in this process therefore queue here instead (SQLite is the
/// one-process store; several replicas use PostgreSQL). One loop runs the queued saves back to back: handing a lock
/// from one awaiting save to the next would go through the thread pool's queue, behind every request waiting there,
/// and leave the database idle meanwhile.
/// </summary>
public sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly Channel<Func<Task>> _queue = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });

    private SqliteWriteGate() => _ = Task.Run(RunAsync);

    public static SqliteWriteGate For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SqliteWriteGate());

    /// <summary>Runs <paramref name="write"/> when the saves queued before it are done; no other save runs meanwhile.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(async () =>
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
        return done.Task;
    }

    private async Task RunAsync()
    {
        while (await _queue.Reader.WaitToReadAsync())
            while (_queue.Reader.TryRead(out var next))
                await next();
    }
}
