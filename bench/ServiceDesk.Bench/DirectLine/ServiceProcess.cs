using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>
/// The real service in its own process (the host project's build output of the same configuration, with its
/// appsettings.json and dialogs/), on loopback, with a fresh data directory on disk.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, string url, string dataDirectory, ServiceLog log)
    {
        _process = process;
        Log = log;
        Url = url;
        DataDirectory = dataDirectory;
    }

    public string Url { get; }

    /// <summary>What the service printed (kept, not shown: its errors are counted in the summary).</summary>
    public ServiceLog Log { get; }

    public string DataDirectory { get; }

    /// <summary>The CPU time the service has used so far (all its threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ServiceProcess> StartAsync(CancellationToken ct)
    {
        var (root, home) = HostOutputDirectory();
        var dll = Path.Combine(home, "ServiceDesk.Bot.dll");
        var data = Directory.CreateTempSubdirectory("sd-bench-").FullName;
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = home, RedirectStandardOutput = true, RedirectStandardError = true };
        var knowledge = Path.Combine(root, "deploy", "kb"); // the sample knowledge base: intakes get suggestions to decline
        foreach (var arg in new[] { dll, "--urls", url, "--ServiceDesk:DataDirectory", data, "--Knowledge:Folder", knowledge, "--Logging:LogLevel:Default", "Warning",
            "--ServiceDesk:MessagesPerMinute", "0" }) // simulated users write far faster than people
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);
        var log = new ServiceLog();
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the service exited with code {process.ExitCode}\n{log.Tail(40)}");
            try
            {
                var response = await http.GetAsync(url + "/health/live", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                    return new ServiceProcess(process, url, data, log);
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, ct);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the service did not answer on " + url + "\n" + log.Tail(40));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (string Root, string Output) HostOutputDirectory()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name; // bin/<configuration>/<framework>
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServiceDesk.Bot.sln")))
                return (dir.FullName, Path.Combine(dir.FullName, "src", "ServiceDesk.Bot", "bin", configuration, output.Name));
        }

        throw new InvalidOperationException("ServiceDesk.Bot.sln not found above " + output.FullName);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
