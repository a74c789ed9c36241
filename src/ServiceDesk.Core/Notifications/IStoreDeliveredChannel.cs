using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Notifications;

/// <summary>
/// A channel whose delivery is a row in this same store (the built-in web chat's room log). The outbox writer hands
/// it the messages of a unit of work instead of queueing them: they are delivered by the save that commits the unit,
/// in the same transaction — never lost, never twice, and nothing delivered when the unit is rolled back.
/// </summary>
public interface IStoreDeliveredChannel
{
    string Channel { get; }

    /// <summary>
    /// Adds the rows that deliver <paramref name="messages"/> (in order) to <paramref name="db"/>; runs inside the save,
    /// with the store's write gate held. Returns per message what a send would have answered (ids of messages this save
    /// makes, so no ticket thread has them yet), and what to do once the
    /// save's outcome is known (it is called exactly once, also when staging itself failed).
    /// </summary>
    Task<StagedDelivery> StageAsync(ServiceDeskDbContext db, IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken);
}

/// <summary>The staged delivery of some messages: their results, and the callback for the save's outcome.</summary>
public sealed record StagedDelivery(IReadOnlyList<DeliveryResult> Results, Action<bool> Completed);
