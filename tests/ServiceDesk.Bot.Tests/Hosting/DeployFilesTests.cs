using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Bot.Tests.Hosting;

/// <summary>deploy/systemd: the units are valid for systemd, and every setting they name is a documented one.</summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Systemd = Path.Combine(RepositoryPaths.Root, "deploy", "systemd");
    private static readonly string[] Units = ["servicedesk-bot.service", "servicedesk-bot-backup.service", "servicedesk-bot-backup.timer"];

    [SystemdFact(needsAnalyzer: true)]
    public async Task Deploy_units_when_verified_by_systemd_analyze_report_no_problem()
    {
        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("verify");
        foreach (var unit in Units) start.ArgumentList.Add(Path.Combine(Systemd, unit));
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // where the .NET runtime is installed differs between machines; everything else must be clean
        var problems = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.Contains("/usr/bin/dotnet is not executable", StringComparison.Ordinal)).ToList();
        Assert.Empty(problems);
    }

    [Fact]
    public void Deploy_settings_when_spelled_as_environment_variables_name_documented_settings()
    {
        var documented = DocumentedSettings();
        var named = Units.Where(u => u.EndsWith(".service", StringComparison.Ordinal))
            .SelectMany(u => File.ReadLines(Path.Combine(Systemd, u)))
            .Select(line => UnitEnvironment().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .Concat(File.ReadLines(Path.Combine(Systemd, "servicedesk-bot.env.example"))
                .Select(line => EnvironmentFileEntry().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value))
            .Where(name => !name.StartsWith("DOTNET_", StringComparison.Ordinal))
            .ToList();

        Assert.Contains("ServiceDesk__DataDirectory", named);
        Assert.Contains("Channels__Telegram__BotToken", named);
        var unknown = named.Where(name => !documented.Contains(ToSettingPath(name))).ToList();
        Assert.Empty(unknown);
    }

    /// <summary>ServiceDesk__Api__Keys__0 → ServiceDesk:Api:Keys (list indexes name the list).</summary>
    private static string ToSettingPath(string variable) =>
        string.Join(':', variable.Split("__").Where(segment => !segment.All(char.IsAsciiDigit)));

    /// <summary>Every path of appsettings.example.json (objects' keys, joined with ':'), case-insensitive like configuration.</summary>
    private static HashSet<string> DocumentedSettings()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.example.json"));
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Walk(JsonElement e, string prefix)
        {
            if (e.ValueKind != JsonValueKind.Object) return;
            foreach (var p in e.EnumerateObject())
            {
                var path = prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}";
                paths.Add(path);
                Walk(p.Value, path);
            }
        }
        Walk(doc.RootElement, "");
        return paths;
    }

    [GeneratedRegex(@"^Environment=([A-Za-z0-9_]+)=")]
    private static partial Regex UnitEnvironment();

    [GeneratedRegex(@"^#?\s?([A-Z][A-Za-z0-9_]*)=")]
    private static partial Regex EnvironmentFileEntry();
}
