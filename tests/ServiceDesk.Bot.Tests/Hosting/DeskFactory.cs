using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ServiceDesk.Bot.Tests.Hosting;

/// <summary>The real host on the test server, with its own temporary data directory and optional extra settings.</summary>
public sealed class DeskFactory(Dictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "sdhost-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ServiceDesk:DataDirectory", DataDirectory);
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
