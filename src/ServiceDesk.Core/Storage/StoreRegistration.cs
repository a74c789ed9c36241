using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;

namespace ServiceDesk.Core.Storage;

public static class StoreRegistration
{
    /// <summary>Registers a pooled <see cref="ServiceDeskDbContext"/> factory on SQLite (default) or PostgreSQL.</summary>
    public static IServiceCollection AddServiceDeskStore(this IServiceCollection services)
    {
        services.AddPooledDbContextFactory<ServiceDeskDbContext>((sp, db) =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceDeskOptions>>().Value;
            Configure(db, options);
        });
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<SqliteCheckpointer>();
        services.AddSingleton<SqliteWriter>();
        services.AddSingleton<StoreBackup>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, ServiceDeskOptions options)
    {
        if (options.Database.Provider == "Postgres")
            db.UseNpgsql(options.Database.ConnectionString);
        else
            db.UseSqlite(SqliteConnectionString(options)).AddInterceptors(SqlitePragmas.Instance, SqliteWriterCommands.Instance);
        // Migrations are written by hand (no design-time tooling here); a test checks that they match the model.
        db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    public static string SqliteConnectionString(ServiceDeskOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Database.ConnectionString)) return options.Database.ConnectionString;
        var path = Path.GetFullPath(Path.Combine(options.DataDirectory, "servicedesk.db"));
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }
}
