namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>
/// A bounded window of update ids being or already processed in this process, so a redelivered update is
/// dropped cheaply. Durable deduplication is the engine's (by MessageId <c>update:&lt;id&gt;</c>).
/// </summary>
public sealed class RecentUpdateIds(int capacity = 4096)
{
    private readonly Lock _gate = new();
    private readonly HashSet<long> _set = [];
    private readonly Queue<long> _order = new();

    public bool TryAdd(long updateId)
    {
        lock (_gate)
        {
            if (!_set.Add(updateId))
                return false;
            _order.Enqueue(updateId);
            while (_order.Count > capacity)
                _set.Remove(_order.Dequeue());
            return true;
        }
    }

    public void Remove(long updateId)
    {
        lock (_gate)
            _set.Remove(updateId);
    }
}
