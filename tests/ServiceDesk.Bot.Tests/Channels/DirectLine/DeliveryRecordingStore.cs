using System.Collections.Concurrent;
using ServiceDesk.Bot.Channels.DirectLine;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

/// <summary>An in-memory store that records what the streams report as delivered, per room.</summary>
internal sealed class DeliveryRecordingStore : InMemoryStoreDecorator
{
    public ConcurrentQueue<(string Room, long Sequence)> Delivered { get; } = new();

    public override IRoomWatch Watch(string room) => new Recording(this, room);

    private sealed class Recording(DeliveryRecordingStore store, string room) : IRoomWatch
    {
        public void Delivered(long sequence) => store.Delivered.Enqueue((room, sequence));

        public void Dispose()
        {
        }
    }
}
