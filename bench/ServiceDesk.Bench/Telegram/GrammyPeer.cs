using System.Diagnostics;

namespace ServiceDesk.Bench.Telegram;

/// <summary>The grammY echo bot (reference peer) as a child process aimed at the fake Bot API.</summary>
public sealed class GrammyPeer : IAsyncDisposable
{
    private readonly Process _process;

    private GrammyPeer(Process process) => _process = process;

    /// <summary>Installs grammY into a temp directory (setup.sh) when needed and starts the echo bot.</summary>
    public static async Task<GrammyPeer> StartAsync(string apiRoot, string token)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Telegram", "grammy", "setup.sh");
        var setup = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true })!;
        var dir = (await setup.StandardOutput.ReadToEndAsync()).Trim();
        await setup.WaitForExitAsync();
        if (setup.ExitCode != 0)
            throw new InvalidOperationException($"grammY setup failed ({setup.ExitCode}); is npm reachable?");

        var node = new ProcessStartInfo("node", [Path.Combine(dir, "echo.mjs"), apiRoot, token])
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(node)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("grammy-ready") == true)
                ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
                Console.Error.WriteLine($"[grammy] {e.Data}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(30))) != ready.Task)
        {
            process.Kill();
            throw new TimeoutException("the grammY bot did not start within 30 s");
        }

        return new GrammyPeer(process);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
