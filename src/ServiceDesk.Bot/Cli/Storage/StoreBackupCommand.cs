using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Cli.Storage;

/// <summary><c>backup &lt;file&gt;</c>: an online copy of the embedded store into a new file, checked and counted.</summary>
public static class StoreBackupCommand
{
    public const string Usage = "Usage: backup <file>   writes a consistent copy of the embedded SQLite store to a new file; the service may keep running";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 1 || args[0].Length == 0 || args[0].StartsWith('-'))
        {
            await stderr.WriteLineAsync(Usage);
            return 1;
        }
        try
        {
            var result = await services.GetRequiredService<StoreBackup>().WriteAsync(args[0], CancellationToken.None);
            if (!result.IsSound)
            {
                await stderr.WriteLineAsync($"The copy at {result.File} failed SQLite's quick_check: {result.Check}. Keep the previous backup.");
                return 1;
            }
            await stdout.WriteLineAsync(
                $"Backed up to {result.File}: {result.Tickets:N0} tickets, {result.KnowledgeArticles:N0} knowledge articles, {result.Bytes:N0} bytes; SQLite's quick_check: ok");
            return 0;
        }
        catch (StoreBackupException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
