using System.Diagnostics;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine.EndToEnd;

/// <summary>Finds the repository, chromium and node, and runs the Node end-to-end script.</summary>
public static class E2eEnvironment
{
    public const string Chromium = "/usr/bin/chromium";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string E2eDirectory => Path.Combine(RepositoryRoot, "tests", "e2e");

    public static string ArtifactsDirectory => Path.Combine(RepositoryRoot, "artifacts", "e2e");

    public static string? MissingPrerequisite()
    {
        if (!File.Exists(Chromium))
            return $"{Chromium} is not installed";
        if (!Directory.Exists(Path.Combine(E2eDirectory, "node_modules", "playwright-core"))
            || !Directory.Exists(Path.Combine(E2eDirectory, "node_modules", "botframework-webchat")))
            return "tests/e2e/node_modules (playwright-core, botframework-webchat) is not installed";
        return null;
    }

    /// <summary>Runs <c>node run-e2e.mjs</c>; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string baseUrl, string client, TimeSpan timeout, params string[] extra)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = E2eDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "run-e2e.mjs", "--base", baseUrl, "--client", client, "--out", ArtifactsDirectory })
            start.ArgumentList.Add(arg);
        foreach (var arg in extra)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServiceDesk.Bot.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("ServiceDesk.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
