using System.Collections.Concurrent;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Wakes the open streams of a room when this replica appends to it. Streams also re-read the store on a timer,
/// so appends made by other replicas arrive too, a little later.
/// </summary>
public sealed class DirectLineSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next <see cref="Notify"/> for <paramref name="key"/>; take it before reading the store.</summary>
    public Task NextAsync(string key) =>
        _waiters.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string key)
    {
        if (_waiters.TryRemove(key, out var waiter))
            waiter.TrySetResult();
    }

    /// <summary>Keys someone waits on (a stream that ended leaves none behind).</summary>
    internal int Waiting => _waiters.Count;

    public static string RoomKey(string room) => "room:" + room;

    public static string ConversationKey(string conversationId) => "conversation:" + conversationId;
}
