using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Conversations.Intake;
using ServiceDesk.Core.Knowledge.Articles;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Sla;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// Writes an ordinary turn's changes (the handled message, the conversation's state and the person's profile, web
/// transcript lines, a channel's stored value, outbox messages, a deflection, knowledge feedback, a new or changed
/// ticket with its events, threads and SLA) on the <see cref="SqliteWriter"/>'s connection with statements it keeps,
/// without EF Core's update pipeline. Every save of the process runs one after another in the write gate, so the
/// gate's time per save bounds the whole service: under the Direct Line bench a save held it for ~0.4 ms of CPU, two
/// thirds of which were EF Core building, running and accepting its commands (the same four statements and commit take
/// SQLite ~0.1 ms). Any other change (a knowledge article, an attachment, a deletion, a key set by hand) leaves the
/// whole save to EF Core. The statements are built from the EF model, so a property added to one of these entities is
/// written here too.
/// </summary>
internal sealed class SqliteDirectSave
{
    private static readonly Type[] Covered =
    [
        typeof(ProcessedMessage), typeof(ChannelTranscriptEntry), typeof(ConversationState), typeof(PersonProfile), typeof(ChannelStateEntry),
        typeof(OutboxMessage), typeof(Deflection), typeof(KnowledgeFeedback), typeof(Ticket), typeof(TicketEvent), typeof(TicketThread), typeof(TicketSla), typeof(SlaTimer),
    ];

    private readonly Dictionary<Type, DirectSaveShape> _shapes = [];
    private readonly Dictionary<Type, int> _order = []; // rows pointed at are written before the rows pointing at them

    public SqliteDirectSave(IModel model)
    {
        foreach (var type in Covered)
            if (model.FindEntityType(type) is { } entityType && DirectSaveShape.TryCreate(entityType) is { } shape)
                _shapes[type] = shape;
        foreach (var type in _shapes.Keys.ToList())
            if (Rank(type, 0) is { } rank) _order[type] = rank;
            else _shapes.Remove(type); // a cycle of references: EF Core sorts those out
    }

    private int? Rank(Type type, int depth)
    {
        if (depth > _shapes.Count) return null;
        var rank = 0;
        foreach (var principal in _shapes[type].Principals)
        {
            if (!_shapes.ContainsKey(principal.ClrType)) continue; // rows of types not written here already exist
            if (Rank(principal.ClrType, depth + 1) is not { } above) return null;
            rank = Math.Max(rank, above + 1);
        }
        return rank;
    }

    /// <summary>The entries to write when every change tracked is one this path covers; null when EF Core must save.</summary>
    public List<EntityEntry>? Plan(ChangeTracker tracker)
    {
        List<EntityEntry>? pending = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (!_shapes.TryGetValue(entry.Metadata.ClrType, out var shape) || !shape.Covers(entry)) return null;
            (pending ??= []).Add(entry);
        }
        if (pending is { Count: > 1 }) pending = pending.OrderBy(e => _order[e.Metadata.ClrType]).ToList();
        return pending;
    }

    /// <summary>
    /// Writes <paramref name="pending"/> in one transaction, like EF Core's save: a stale concurrency token throws
    /// <see cref="DbUpdateConcurrencyException"/>, a failed statement <see cref="DbUpdateException"/> with SQLite's
    /// error inside, and either rolls everything back. Keys SQLite generated are set on the entities once committed.
    /// </summary>
    public int Write(SqliteWriter writer, SqliteConnection connection, List<EntityEntry> pending, bool acceptAllChanges, ChangeTracker tracker)
    {
        Span<long> generated = pending.Count <= 32 ? stackalloc long[pending.Count] : new long[pending.Count];
        var keys = new Dictionary<(IEntityType, long), long>();
        writer.Statement(connection, "BEGIN IMMEDIATE", 0).ExecuteNonQuery();
        var done = false;
        try
        {
            for (var i = 0; i < pending.Count; i++)
            {
                var shape = _shapes[pending[i].Metadata.ClrType];
                generated[i] = shape.Write(writer, connection, pending[i], keys);
                if (shape.TemporaryKey(pending[i]) is { } temporary) keys[(shape.Type, temporary)] = generated[i];
            }
            writer.Statement(connection, "COMMIT", 0).ExecuteNonQuery();
            done = true;
        }
        catch (SqliteException e)
        {
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", e, pending);
        }
        finally
        {
            if (!done) Rollback(writer, connection);
        }

        for (var i = 0; i < pending.Count; i++)
            _shapes[pending[i].Metadata.ClrType].Generated(pending[i], generated[i]);
        foreach (var entry in pending)
            _shapes[entry.Metadata.ClrType].Referenced(entry, keys);
        if (acceptAllChanges) tracker.AcceptAllChanges();
        return pending.Count;
    }

    private static void Rollback(SqliteWriter writer, SqliteConnection connection)
    {
        if (connection.Handle is not { } handle || SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0) return;
        try
        {
            writer.Statement(connection, "ROLLBACK", 0).ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // the writer sees its connection still inside a transaction and opens a new one
        }
    }
}
