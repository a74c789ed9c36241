using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Privacy;

/// <summary>
/// Something outside the core's own tables that keeps a person's data in the store (a channel adapter's state, a web
/// room's log). <see cref="PersonErasure"/> calls every registered holder inside its write transaction.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>
    /// Deletes or redacts what this holder keeps of the person in <paramref name="scope"/>, writing through
    /// <paramref name="db"/> only (its transaction is open and, on SQLite, it holds the write gate: no other context may
    /// save meanwhile), and adds what it changed to <paramref name="tally"/>. A second call finds nothing and adds zeros.
    /// </summary>
    Task EraseAsync(ServiceDeskDbContext db, PersonalDataScope scope, PersonErasureTally tally, CancellationToken cancellationToken);
}
