using System.Collections.Concurrent;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Core.Tests.Harness;

/// <summary>
/// The test channel: records every delivered message per conversation, gives each a platform id, and treats a card's
/// id as its thread (as Telegram does for a card in a plain group). It can be told to fail.
/// </summary>
public sealed class InMemoryChannel(string channel = "test") : IChannelSender
{
    private long _ids;
    private readonly ConcurrentQueue<(OutboundMessage Message, string Id)> _delivered = new();

    public string Channel { get; } = channel;

    /// <summary>When set, called before each delivery; throw from it to simulate an API failure.</summary>
    public Func<OutboundMessage, Exception?>? Fail { get; set; }

    public IReadOnlyList<(OutboundMessage Message, string Id)> Delivered => _delivered.ToList();

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (Fail?.Invoke(message) is { } error) throw error;
        var id = Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _delivered.Enqueue((message, id));
        return Task.FromResult(new DeliveryResult(id, message.Card is not null ? id : null));
    }
}
