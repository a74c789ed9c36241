using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Notifications;

/// <summary>
/// Writes the outbox messages a context is about to insert through one prepared statement executed per row, in the
/// context's current transaction, instead of the change tracker's per-entity commands: for passes that notify many
/// people at once (the SLA monitor). Plain quoted SQL, the same on SQLite and PostgreSQL.
/// </summary>
public static class OutboxBulkInsert
{
    private const string Sql =
        "INSERT INTO \"outbox\" (\"CreatedAt\", \"Channel\", \"ConversationId\", \"ThreadId\", \"TicketKey\", \"Payload\", \"Status\", \"Attempts\", \"NextAttemptAt\") " +
        "VALUES (@created, @channel, @conversation, @thread, @ticket, @payload, @status, @attempts, @next)";

    public static async Task<int> FlushAddedAsync(ServiceDeskDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
            return 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = Sql;
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var p = new[]
            {
                Param(cmd, "@created", DbType.Int64), Param(cmd, "@channel", DbType.String), Param(cmd, "@conversation", DbType.String),
                Param(cmd, "@thread", DbType.String), Param(cmd, "@ticket", DbType.String), Param(cmd, "@payload", DbType.String),
                Param(cmd, "@status", DbType.String), Param(cmd, "@attempts", DbType.Int32), Param(cmd, "@next", DbType.Int64),
            };
            await cmd.PrepareAsync(ct);
            foreach (var entry in added)
            {
                var m = entry.Entity;
                object?[] values = [m.CreatedAt.ToUnixTimeMilliseconds(), m.Channel, m.ConversationId, m.ThreadId, m.TicketKey, m.Payload,
                    m.Status.ToString(), m.Attempts, m.NextAttemptAt.ToUnixTimeMilliseconds()];
                for (var i = 0; i < p.Length; i++)
                    p[i].Value = values[i] ?? DBNull.Value;
                await cmd.ExecuteNonQueryAsync(ct);
                entry.State = EntityState.Detached;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return added.Count;
    }

    private static DbParameter Param(DbCommand cmd, string name, DbType type)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        cmd.Parameters.Add(p);
        return p;
    }
}
