using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServiceDesk.Core.Knowledge.Articles;

namespace ServiceDesk.Core.Storage;

/// <summary>
/// An online backup of the embedded SQLite store. <c>VACUUM INTO</c> writes one consistent, compact file from a read
/// transaction while the service goes on writing (a copy of servicedesk.db made by hand misses what is still in its
/// -wal file, or catches a page half-written). The copy is then opened read-only, checked with SQLite's quick_check and
/// counted. A PostgreSQL store is backed up with pg_dump instead.
/// </summary>
public sealed class StoreBackup(IDbContextFactory<ServiceDeskDbContext> dbFactory)
{
    /// <summary>Writes the copy to <paramref name="target"/>, a new file in an existing folder; never overwrites.</summary>
    /// <exception cref="StoreBackupException">Why no copy was made, in words for an administrator.</exception>
    public async Task<StoreBackupResult> WriteAsync(string target, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.Database.IsSqlite())
            throw new StoreBackupException("The store is PostgreSQL: back it up with pg_dump (this command copies the embedded SQLite store).");
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!File.Exists(source))
            throw new StoreBackupException($"There is no store at {source} to back up (has the service been started with this configuration?).");
        var file = Path.GetFullPath(target);
        if (File.Exists(file) || Directory.Exists(file))
            throw new StoreBackupException($"{file} exists; a backup never overwrites anything: name a new file.");
        var folder = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(folder))
            throw new StoreBackupException($"The folder {folder} does not exist.");

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var vacuum = db.Database.GetDbConnection().CreateCommand();
            vacuum.CommandText = "VACUUM INTO $file";
            vacuum.Parameters.Add(new SqliteParameter("$file", file));
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e)
        {
            File.Delete(file); // a partial copy is not a backup
            throw new StoreBackupException($"SQLite could not write {file}: {e.Message}");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return await CheckAsync(file, ct);
    }

    private static async Task<StoreBackupResult> CheckAsync(string file, CancellationToken ct)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<ServiceDeskDbContext>().UseSqlite(connectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;
        await using var copy = new ServiceDeskDbContext(options);
        await copy.Database.OpenConnectionAsync(ct);
        string check;
        await using (var quickCheck = copy.Database.GetDbConnection().CreateCommand())
        {
            quickCheck.CommandText = "PRAGMA quick_check";
            check = Convert.ToString(await quickCheck.ExecuteScalarAsync(ct)) ?? "no answer";
        }
        var tickets = await copy.Tickets.CountAsync(ct);
        var articles = await copy.Set<KnowledgeArticle>().CountAsync(ct);
        await copy.Database.CloseConnectionAsync();
        return new StoreBackupResult(file, new FileInfo(file).Length, tickets, articles, check);
    }
}
