using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>The real service (ServiceDesk.Bot.dll next to the bench) in its own process, on loopback, with a fresh data directory.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, string url, string dataDirectory)
    {
        _process = process;
        Url = url;
        DataDirectory = dataDirectory;
    }

    public string Url { get; }

    public string DataDirectory { get; }

    public static async Task<ServiceProcess> StartAsync(CancellationToken ct)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ServiceDesk.Bot.dll");
        var data = Directory.CreateTempSubdirectory("sd-bench-").FullName;
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", url, "--ServiceDesk:DataDirectory", data, "--Logging:LogLevel:Default", "Warning" })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[service] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[service] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the service exited with code {process.ExitCode}");
            try
            {
                var response = await http.GetAsync(url + "/", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                    return new ServiceProcess(process, url, data);
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200, ct);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the service did not answer on " + url);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
