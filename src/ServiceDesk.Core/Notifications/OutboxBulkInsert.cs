using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Notifications;

/// <summary>
/// Writes the outbox messages a context is about to insert with multi-row INSERTs (a few dozen rows each, in the
/// context's current transaction) instead of the change tracker's one command per entity: for passes that notify
/// many people at once (the SLA monitor). Plain quoted SQL, the same on SQLite and PostgreSQL.
/// </summary>
public static class OutboxBulkInsert
{
    private const int RowsPerStatement = 25;

    private const string Insert =
        "INSERT INTO \"outbox\" (\"CreatedAt\", \"Channel\", \"ConversationId\", \"ThreadId\", \"TicketKey\", \"Payload\", \"Status\", \"Attempts\", \"NextAttemptAt\") VALUES ";

    public static async Task<int> FlushAddedAsync(ServiceDeskDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
            return 0;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var chunk in added.Chunk(RowsPerStatement))
            {
                await using var cmd = db.Database.GetDbConnection().CreateCommand();
                cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                var sql = new StringBuilder(Insert);
                for (var row = 0; row < chunk.Length; row++)
                {
                    var m = chunk[row].Entity;
                    sql.Append(row == 0 ? "(" : ", (");
                    object?[] values = [m.CreatedAt.ToUnixTimeMilliseconds(), m.Channel, m.ConversationId, m.ThreadId, m.TicketKey, m.Payload,
                        m.Status.ToString(), m.Attempts, m.NextAttemptAt.ToUnixTimeMilliseconds()];
                    for (var i = 0; i < values.Length; i++)
                    {
                        var p = cmd.CreateParameter();
                        p.ParameterName = "@p" + cmd.Parameters.Count.ToString(CultureInfo.InvariantCulture);
                        p.DbType = values[i] switch { long => DbType.Int64, int => DbType.Int32, _ => DbType.String };
                        p.Value = values[i] ?? DBNull.Value;
                        cmd.Parameters.Add(p);
                        sql.Append(i == 0 ? "" : ", ").Append(p.ParameterName);
                    }
                    sql.Append(')');
                }
                cmd.CommandText = sql.ToString();
                await cmd.ExecuteNonQueryAsync(ct);
                foreach (var entry in chunk)
                    entry.State = EntityState.Detached;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return added.Count;
    }
}
