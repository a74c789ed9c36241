using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Conversations;

/// <summary>
/// The queries every turn runs, compiled once per engine: no expression tree to build and look up per turn (that was a
/// tenth of a turn's CPU time with <c>FindAsync</c>). Not static: a compiled query serves one model, i.e. one store
/// provider (a process may host a SQLite and a PostgreSQL desk, as the tests do).
/// </summary>
internal sealed class TurnQueries
{
    public readonly Func<ServiceDeskDbContext, string, string, CancellationToken, Task<bool>> IsProcessed =
        EF.CompileAsyncQuery((ServiceDeskDbContext db, string channel, string messageId, CancellationToken _) =>
            db.ProcessedMessages.Any(p => p.Channel == channel && p.MessageId == messageId));

    public readonly Func<ServiceDeskDbContext, string, CancellationToken, Task<PersonProfile?>> Profile =
        EF.CompileAsyncQuery((ServiceDeskDbContext db, string personId, CancellationToken _) =>
            db.Profiles.FirstOrDefault(p => p.PersonId == personId));

    public readonly Func<ServiceDeskDbContext, string, CancellationToken, Task<ConversationState?>> Conversation =
        EF.CompileAsyncQuery((ServiceDeskDbContext db, string key, CancellationToken _) =>
            db.Conversations.FirstOrDefault(c => c.Id == key));
}
