namespace ServiceDesk.Core.Storage;

/// <summary>
/// Work that belongs to the save of a unit of work: it runs at the start of the save (before the store's write lock is
/// taken: a participant that numbers things holds its own lock until <see cref="AfterSave"/>, and such locks are
/// always taken before the write lock), may add entities to be written with the rest, and hears whether the commit
/// went through.
/// </summary>
public interface ISaveParticipant
{
    /// <summary>Before the changes are written. May add entities to <paramref name="db"/> and take locks.</summary>
    Task BeforeSaveAsync(ServiceDeskDbContext db, CancellationToken cancellationToken);

    /// <summary>After the save: <paramref name="committed"/> false when it failed. Releases what BeforeSave took.</summary>
    void AfterSave(bool committed);
}
