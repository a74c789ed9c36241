using System.Threading.Channels;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Group commit for appends that are saved on their own (users' activities): what arrives while a save runs goes
/// into the next one, in arrival order, so under load many appends share one transaction; alone, an append is saved
/// at once. A failed save fails every append of its batch.
/// </summary>
internal sealed class RoomAppendBatcher(Func<IReadOnlyList<RoomAppend>, Task<IReadOnlyList<StoredActivity>>> save)
{
    private const int MaxBatch = 128;
    private readonly Channel<(RoomAppend Append, TaskCompletionSource<StoredActivity> Done)> _queue =
        Channel.CreateUnbounded<(RoomAppend, TaskCompletionSource<StoredActivity>)>(new UnboundedChannelOptions { SingleReader = true });
    private int _started;

    public Task<StoredActivity> AppendAsync(RoomAppend append)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
            _ = Task.Run(RunAsync);
        var done = new TaskCompletionSource<StoredActivity>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite((append, done));
        return done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<(RoomAppend Append, TaskCompletionSource<StoredActivity> Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                batch.Add(next);
            try
            {
                var stored = await save(batch.Select(b => b.Append).ToList());
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Done.TrySetResult(stored[i]);
            }
            catch (Exception e)
            {
                foreach (var (_, done) in batch)
                    done.TrySetException(e);
            }
        }
    }
}
