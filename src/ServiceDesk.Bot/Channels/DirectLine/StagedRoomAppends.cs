using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Room appends staged by a save (see <see cref="EfDirectLineStore.StageAsync"/>): users' activities saved on their
/// own, or a user's activity saved in the turn it starts (one transaction, numbered before the bot's replies). A save
/// that is retried stages them again; a save that never happens (a duplicate message) leaves <see cref="Stored"/> null.
/// </summary>
public sealed class StagedRoomAppends(EfDirectLineStore store, IReadOnlyList<RoomAppend> appends) : ISaveParticipant
{
    private Action<bool>? _completed;

    /// <summary>The appends as committed, in order; null until a save committed them.</summary>
    public IReadOnlyList<StoredActivity>? Stored { get; private set; }

    public async Task BeforeSaveAsync(ServiceDeskDbContext db, CancellationToken cancellationToken)
    {
        Stored = null;
        var (stored, completed) = await store.StageAsync(db, appends, cancellationToken);
        Stored = stored;
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
