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
        typeof(ProcessedMessage), typeof(ChannelTranscriptEntry), typeof(ConversationState), typeof(PersonProfile),
        typeof(ChannelStateEntry), typeof(OutboxMessage), typeof(Deflection), typeof(KnowledgeFeedback),
        typeof(Ticket), typeof(TicketEvent), typeof(TicketThread), typeof(TicketSla), typeof(SlaTimer),
    ];

    private readonly Dictionary<Type, (DirectSaveShape Shape, int Rank)> _covered = []; // rows pointed at rank first

    public SqliteDirectSave(IModel model)
    {
        var shapes = new Dictionary<Type, DirectSaveShape>();
        foreach (var type in Covered)
            if (model.FindEntityType(type) is { } entityType && DirectSaveShape.TryCreate(entityType) is { } shape)
                shapes[type] = shape;
        foreach (var (type, shape) in shapes)
            if (Rank(shapes, type, 0) is { } rank)
                _covered[type] = (shape, rank); // not in a cycle of references (EF Core sorts those out)
    }

    private static int? Rank(Dictionary<Type, DirectSaveShape> shapes, Type type, int depth)
    {
        if (depth > shapes.Count) return null;
        var rank = 0;
        foreach (var principal in shapes[type].Principals)
        {
            if (!shapes.ContainsKey(principal.ClrType)) continue; // rows of types not written here already exist
            if (Rank(shapes, principal.ClrType, depth + 1) is not { } above) return null;
            rank = Math.Max(rank, above + 1);
        }
        return rank;
    }

    /// <summary>
    /// The entries to write, each with its shape, rows pointed at first (none when nothing changed), when every change
    /// tracked is one this path covers; null when EF Core must save.
    /// </summary>
    public List<(EntityEntry Entry, DirectSaveShape Shape)>? Plan(ChangeTracker tracker)
    {
        var pending = new List<(EntityEntry Entry, DirectSaveShape Shape, int Rank)>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (!_covered.TryGetValue(entry.Metadata.ClrType, out var covered) || !covered.Shape.Covers(entry)) return null;
            pending.Add((entry, covered.Shape, covered.Rank));
        }
        return pending.OrderBy(p => p.Rank).Select(p => (p.Entry, p.Shape)).ToList();
    }

    /// <summary>
    /// Writes <paramref name="pending"/> in one transaction, like EF Core's save: a stale concurrency token throws
    /// <see cref="DbUpdateConcurrencyException"/>, a failed statement <see cref="DbUpdateException"/> with SQLite's
    /// error inside, and either rolls everything back. Keys SQLite generated are set on the entities once committed.
    /// </summary>
    public int Write(SqliteWriter writer, SqliteConnection connection, List<(EntityEntry Entry, DirectSaveShape Shape)> pending,
        bool acceptAllChanges, ChangeTracker tracker)
    {
        Span<long> generated = pending.Count <= 32 ? stackalloc long[pending.Count] : new long[pending.Count];
        var keys = new Dictionary<(IEntityType, long), long>();
        writer.Statement(connection, "BEGIN IMMEDIATE", 0).ExecuteNonQuery();
        var done = false;
        try
        {
            for (var i = 0; i < pending.Count; i++)
            {
                var (entry, shape) = pending[i];
                generated[i] = shape.Write(writer, connection, entry, keys);
                if (shape.TemporaryKey(entry) is { } temporary) keys[(shape.Type, temporary)] = generated[i];
            }
            writer.Statement(connection, "COMMIT", 0).ExecuteNonQuery();
            done = true;
        }
        catch (SqliteException e)
        {
            throw new DbUpdateException("An error occurred while saving the entity changes. See the inner exception for details.", e,
                pending.Select(p => p.Entry).ToList());
        }
        finally
        {
            if (!done) Rollback(writer, connection);
        }

        for (var i = 0; i < pending.Count; i++)
            pending[i].Shape.Generated(pending[i].Entry, generated[i]);
        foreach (var (entry, shape) in pending)
            shape.Referenced(entry, keys);
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
