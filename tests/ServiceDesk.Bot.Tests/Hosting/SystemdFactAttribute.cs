namespace ServiceDesk.Bot.Tests.Hosting;

/// <summary>
/// A fact about the systemd deployment: it needs Linux and, when <paramref name="needsAnalyzer"/>, <c>systemd-analyze</c>
/// on the PATH (<c>.ci/run</c> installs it); skipped, saying why, only when they are absent.
/// </summary>
public sealed class SystemdFactAttribute : FactAttribute
{
    public SystemdFactAttribute(bool needsAnalyzer = false)
    {
        if (!OperatingSystem.IsLinux())
            Skip = "the systemd deployment is Linux's";
        else if (needsAnalyzer && !OnPath("systemd-analyze"))
            Skip = "systemd-analyze is not installed (apt-get install systemd; bash .ci/run does)";
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
