using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine.EndToEnd;

/// <summary>
/// The real service as its own process (ServiceDesk.Bot.dll from this test's output, its appsettings.json and
/// dialogs/, the sample knowledge base of deploy/kb), listening on 127.0.0.1 with a fresh data directory that is
/// deleted afterwards.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private ServiceProcess(Process process, StringBuilder log, string url, string dataDirectory)
    {
        _process = process;
        _log = log;
        Url = url;
        DataDirectory = dataDirectory;
    }

    public string Url { get; }

    public string DataDirectory { get; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static async Task<ServiceProcess> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("sd-e2e-").FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        var knowledge = Path.Combine(E2eEnvironment.RepositoryRoot, "deploy", "kb"); // the sample knowledge base, seeded at first start
        foreach (var arg in new[] { "ServiceDesk.Bot.dll", "--urls", url, "--ServiceDesk:DataDirectory", data, "--Knowledge:Folder", knowledge })
            start.ArgumentList.Add(arg);
        var log = new StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, log, url, data);

        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
                break;
            try
            {
                if ((await http.GetAsync(url + "/health/live")).StatusCode == HttpStatusCode.OK)
                    return service;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        var output = service.Log;
        await service.DisposeAsync();
        throw new InvalidOperationException("the service did not start:\n" + output);
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

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
