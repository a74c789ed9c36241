using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations.Intake;
using ServiceDesk.Core.Conversations.Texts;

namespace ServiceDesk.Bot.Cli.Configuration;

/// <summary>
/// <c>check</c>: everything the service validates at start, without starting it — the settings (each validator) and
/// the content of dialogs/ (file, line and reason of each problem) — so an edit can be checked before a restart.
/// </summary>
public static class ConfigurationCheckCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var problems = new List<string>();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception e) when (Failures(e) is { Count: > 0 } failures)
        {
            problems.AddRange(failures);
        }

        var summary = "";
        if (problems.Count == 0)
        {
            try
            {
                var texts = services.GetRequiredService<TextCatalog>();
                var intake = services.GetRequiredService<IntakeDefinition>();
                var folder = DialogsLocation.Resolve(services.GetRequiredService<IOptions<ServiceDeskOptions>>().Value);
                summary = $"Dialogs in {folder}: {texts.Languages.Count} languages, {intake.Steps.Count} intake steps, "
                    + $"{intake.ChoicesOf("categories").Count} categories";
            }
            catch (DialogContentException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                await stderr.WriteLineAsync(problem);
            await stderr.WriteLineAsync($"{problems.Count} problem(s): the service would not start.");
            return 1;
        }
        await stdout.WriteLineAsync($"Settings: ok. {summary}: ok.");
        return 0;
    }

    /// <summary>The messages of a failed validation: one options class (OptionsValidationException) or several (AggregateException).</summary>
    private static List<string> Failures(Exception e) => e switch
    {
        OptionsValidationException o => o.Failures.ToList(),
        AggregateException a => a.InnerExceptions.SelectMany(Failures).ToList(),
        _ => [],
    };
}
