using ServiceDesk.Core.Privacy;

namespace ServiceDesk.Bot.Cli.Privacy;

/// <summary>
/// <c>forget &lt;person-id&gt;</c>: erases a person's data from the store (GDPR art. 17, see <see cref="PersonErasure"/>)
/// and prints what was deleted or redacted. Exit 0 when done (also when nothing was left to erase), 2 on wrong arguments.
/// </summary>
public static class ForgetCommand
{
    public const string Usage = "Usage: forget <person-id>   e.g. forget telegram:12345 — erases the person's data; their tickets stay, pseudonymised";

    /// <summary>Whether <paramref name="args"/> name one person (the command's only argument).</summary>
    public static bool AreArguments(string[] args) => args is [var personId] && !string.IsNullOrWhiteSpace(personId) && !personId.StartsWith('-');

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (!AreArguments(args))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }
        var result = await services.GetRequiredService<PersonErasure>().EraseAsync(args[0], CancellationToken.None);
        if (result.NothingFound)
        {
            await stdout.WriteLineAsync($"Nothing to erase: the store holds no data of {result.PersonId}.");
        }
        else
        {
            await stdout.WriteLineAsync($"Erased the data of {result.PersonId}" + (result.Pseudonym is null ? ":" : $"; their tickets now name {result.Pseudonym}:"));
            foreach (var (kind, count) in result.Erased.Where(e => e.Value > 0))
                await stdout.WriteLineAsync($"  {kind}: {count:N0}");
        }
        if (result.NamedInConfiguration)
            await stdout.WriteLineAsync($"{result.PersonId} is still named in the configuration (ServiceDesk:People, Lines, Managers): remove them there too.");
        return 0;
    }
}
