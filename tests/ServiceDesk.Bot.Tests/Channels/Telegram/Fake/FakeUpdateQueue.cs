using System.Text.Json.Nodes;

namespace ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

/// <summary>
/// getUpdates semantics: updates wait until a call with a higher offset confirms them; a call with no
/// pending update waits up to its timeout for one to arrive.
/// </summary>
public sealed class FakeUpdateQueue
{
    private readonly Lock _gate = new();
    private readonly List<(long Id, JsonNode Update)> _pending = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId = 815334001;

    public int PendingCount
    {
        get
        {
            lock (_gate)
                return _pending.Count;
        }
    }

    /// <summary>Adds an update; it keeps its update_id if it has one, else gets the next.</summary>
    public long Push(JsonObject update)
    {
        lock (_gate)
        {
            long id;
            if (update["update_id"] is JsonValue v && v.TryGetValue<long>(out var given))
                id = given;
            else
                update["update_id"] = id = _nextId;
            _nextId = Math.Max(_nextId, id + 1);
            _pending.Add((id, update));
            _pending.Sort((a, b) => a.Id.CompareTo(b.Id));
            var arrived = _arrived;
            _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            arrived.TrySetResult();
            return id;
        }
    }

    public async Task<JsonArray> TakeAsync(long? offset, int limit, int timeoutSeconds, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (offset is { } o and < 0)
                    _pending.RemoveRange(0, Math.Max(0, _pending.Count + (int)o));
                else if (offset is { } confirmedBelow)
                    _pending.RemoveAll(p => p.Id < confirmedBelow);
                var batch = _pending.Take(Math.Clamp(limit, 1, 100)).Select(p => p.Update.DeepClone()).ToArray();
                if (batch.Length > 0 || DateTime.UtcNow >= deadline)
                    return new JsonArray(batch);
                arrived = _arrived.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left > TimeSpan.Zero)
                await Task.WhenAny(arrived, Task.Delay(left, ct));
            ct.ThrowIfCancellationRequested();
        }
    }
}
