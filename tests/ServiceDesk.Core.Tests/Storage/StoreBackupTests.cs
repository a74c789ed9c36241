using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Core.Tests.Storage;

public sealed class StoreBackupTests
{
    private static StoreBackup For(ServiceDeskOptions options)
    {
        var builder = new DbContextOptionsBuilder<ServiceDeskDbContext>();
        StoreRegistration.Configure(builder, options);
        return new StoreBackup(new PooledDbContextFactory<ServiceDeskDbContext>(builder.Options));
    }

    [Fact]
    public async Task Backup_when_the_store_is_PostgreSQL_points_to_pg_dump_and_connects_to_nothing()
    {
        var backup = For(new ServiceDeskOptions { Database = { Provider = "Postgres", ConnectionString = "Host=192.0.2.1;Port=1;Timeout=1" } });

        var e = await Assert.ThrowsAsync<StoreBackupException>(() => backup.WriteAsync(Path.Combine(Path.GetTempPath(), "never.db"), CancellationToken.None));

        Assert.Contains("pg_dump", e.Message);
    }

    [Fact]
    public async Task Backup_when_the_data_folder_holds_no_store_says_so_and_creates_none()
    {
        var data = Path.Combine(Path.GetTempPath(), "sd-nostore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        try
        {
            var backup = For(new ServiceDeskOptions { DataDirectory = data });

            var e = await Assert.ThrowsAsync<StoreBackupException>(() => backup.WriteAsync(Path.Combine(data, "copy.db"), CancellationToken.None));

            Assert.Contains($"There is no store at {Path.Combine(data, "servicedesk.db")}", e.Message);
            Assert.Empty(Directory.GetFiles(data));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
