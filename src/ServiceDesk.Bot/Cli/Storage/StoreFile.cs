using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Cli.Storage;

/// <summary>
/// For administrator commands that read the service's store: an embedded store must already exist where the
/// configuration points, or the command would create an empty one (run from the wrong directory) and report on that.
/// </summary>
public static class StoreFile
{
    public static async Task<bool> ExistsAsync(IServiceProvider services, TextWriter stderr)
    {
        var options = services.GetRequiredService<IOptions<ServiceDeskOptions>>().Value;
        if (options.Database.Provider == "Postgres") return true;
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(StoreRegistration.SqliteConnectionString(options)).DataSource);
        if (File.Exists(file)) return true;
        await stderr.WriteLineAsync(
            $"There is no store at {file}: run the command in the service's working directory, or point ServiceDesk__DataDirectory at its data folder.");
        return false;
    }
}
