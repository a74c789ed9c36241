using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bench.Sla;

/// <summary>A fresh SQLite store in a file, configured as the service configures it, with the schema migrated.</summary>
internal sealed class BenchStore : IDbContextFactory<ServiceDeskDbContext>
{
    private readonly DbContextOptions<ServiceDeskDbContext> _options;

    public BenchStore(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            System.IO.File.Delete(file + suffix);
        Path = file;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ToString();
        var builder = new DbContextOptionsBuilder<ServiceDeskDbContext>();
        StoreRegistration.Configure(builder, new ServiceDeskOptions { Database = { ConnectionString = ConnectionString } });
        _options = builder.Options;
        using var db = CreateDbContext();
        db.Database.Migrate(); // rollback journal until the bulk load is done; then WAL, as the service runs
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public ServiceDeskDbContext CreateDbContext() => new(_options);
}
