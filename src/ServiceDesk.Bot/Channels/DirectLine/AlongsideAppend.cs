using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// A user's activity appended in the save of the turn it starts (one transaction, one trip through the write gate,
/// numbered before the bot's replies). A turn that is retried stages it again; a duplicate message saves nothing, so
/// <see cref="Stored"/> stays null.
/// </summary>
public sealed class AlongsideAppend(EfDirectLineStore store, RoomAppend append) : ISaveParticipant
{
    private Action<bool>? _completed;

    public StoredActivity? Stored { get; private set; }

    public async Task BeforeSaveAsync(ServiceDeskDbContext db, CancellationToken cancellationToken)
    {
        Stored = null;
        var (stored, completed) = await store.StageAsync(db, [append], cancellationToken);
        Stored = stored[0];
        _completed = completed;
    }

    public void AfterSave(bool committed)
    {
        var completed = _completed;
        _completed = null;
        if (!committed) Stored = null;
        completed?.Invoke(committed);
    }
}
