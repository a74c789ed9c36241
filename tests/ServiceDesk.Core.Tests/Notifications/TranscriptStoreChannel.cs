using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tests.Notifications;

/// <summary>
/// The test channel delivered in the store, like the built-in web chat: each message becomes a transcript row of the
/// save; records the outcomes the saves reported.
/// </summary>
public sealed class TranscriptStoreChannel : IStoreDeliveredChannel
{
    private long _sequence;

    public string Channel => "test";

    public List<bool> Outcomes { get; } = [];

    public Task<StagedDelivery> StageAsync(ServiceDeskDbContext db, IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        var results = new List<DeliveryResult>();
        foreach (var message in messages)
        {
            var sequence = Interlocked.Increment(ref _sequence);
            db.ChannelTranscripts.Add(new ChannelTranscriptEntry { Channel = Channel, ConversationId = message.To.ConversationId, Sequence = sequence, Payload = message.Text });
            results.Add(new DeliveryResult($"t{sequence}"));
        }
        return Task.FromResult(new StagedDelivery(results, committed =>
        {
            lock (Outcomes) Outcomes.Add(committed);
        }));
    }
}
