namespace ServiceDesk.Core.Storage;

/// <summary>
/// Work that belongs to the save of a unit of work: it runs inside the save, once the store's write gate is held (a
/// participant that numbers things may take locks of its own and hold them until <see cref="AfterSave"/>: nobody
/// waits for the gate while holding one). It may add entities (only add: changes were detected already) to be
/// written with the rest, and hears whether the commit went through.
/// </summary>
public interface ISaveParticipant
{
    /// <summary>Before the changes are written. May add entities to <paramref name="db"/> and take locks.</summary>
    Task BeforeSaveAsync(ServiceDeskDbContext db, CancellationToken cancellationToken);

    /// <summary>After the save: <paramref name="committed"/> false when it failed. Releases what BeforeSave took.</summary>
    void AfterSave(bool committed);
}
