using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tests.Sla;

/// <summary>
/// A migrated SQLite store for tests: in memory (one open connection shared by every context), or in a file, so a
/// second store over the same file plays the service after a restart.
/// </summary>
public sealed class SqliteTestStore : IDbContextFactory<ServiceDeskDbContext>, IDisposable
{
    private readonly SqliteConnection? _memory;
    private readonly DbContextOptions<ServiceDeskDbContext> _options;

    public SqliteTestStore(string? file = null, params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<ServiceDeskDbContext>();
        if (file is null)
        {
            _memory = new SqliteConnection("Data Source=:memory:");
            _memory.Open();
            builder.UseSqlite(_memory);
        }
        else
        {
            builder.UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString());
        }
        builder.AddInterceptors([SqlitePragmas.Instance, .. interceptors])
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        _options = builder.Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public ServiceDeskDbContext CreateDbContext() => new(_options);

    public void Dispose() => _memory?.Dispose();
}
