using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Notifications;

/// <summary>
/// The messages of one unit of work bound for store-delivered channels: staged by its save (in the order written,
/// as last amended), with their ticket threads recorded alongside.
/// </summary>
internal sealed class StoreDelivery(DateTimeOffset now) : ISaveParticipant
{
    private readonly List<(IStoreDeliveredChannel Channel, Func<OutboundMessage> Message)> _pending = [];
    private readonly List<Action<bool>> _completions = [];

    public void Add(IStoreDeliveredChannel channel, Func<OutboundMessage> message) => _pending.Add((channel, message));

    public async Task BeforeSaveAsync(ServiceDeskDbContext db, CancellationToken cancellationToken)
    {
        var delivered = new List<(OutboundMessage, string?)>();
        foreach (var group in _pending.GroupBy(p => p.Channel))
        {
            var messages = group.Select(p => p.Message()).ToList();
            var staged = await group.Key.StageAsync(db, messages, cancellationToken);
            _completions.Add(staged.Completed);
            delivered.AddRange(messages.Zip(staged.Results, (m, r) => (m, r.ThreadId ?? r.PlatformMessageId)));
        }
        await TicketThreadRecorder.AddAsync(db, delivered, now, cancellationToken, freshThreads: true);
    }

    public void AfterSave(bool committed)
    {
        foreach (var completed in _completions) completed(committed);
        _completions.Clear();
    }
}
