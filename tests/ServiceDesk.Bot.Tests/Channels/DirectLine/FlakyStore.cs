using ServiceDesk.Bot.Channels.DirectLine;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

/// <summary>The in-memory store, whose reads fail while <see cref="Down"/> is set (a database outage).</summary>
public sealed class FlakyStore : InMemoryStoreDecorator
{
    public bool Down { get; set; }

    public override Task<IReadOnlyList<StoredActivity>> ReadAsync(string room, long afterSequence, int max, CancellationToken cancellationToken) =>
        Down ? throw new IOException("database unavailable") : Inner.ReadAsync(room, afterSequence, max, cancellationToken);

    /// <summary>Knows nothing from memory: every read goes to the (flaky) store.</summary>
    public override bool TryReadRecent(string room, long afterSequence, int max, out IReadOnlyList<StoredActivity> items)
    {
        items = [];
        return false;
    }
}
