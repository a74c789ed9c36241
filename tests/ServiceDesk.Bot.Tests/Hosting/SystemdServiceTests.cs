using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using ServiceDesk.Bot.Tests.Channels.DirectLine.EndToEnd;

namespace ServiceDesk.Bot.Tests.Hosting;

/// <summary>
/// The service under systemd (deploy/systemd, Type=notify), played by a stand-in: the process's parent is named
/// "systemd" (a copy of /bin/sh), which is how .NET recognises a systemd service, and NOTIFY_SOCKET is our socket.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SystemdServiceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sd-systemd-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SystemdFact]
    public async Task Service_under_systemd_reports_ready_once_it_serves_and_stopping_on_SIGTERM()
    {
        var manager = Path.Combine(_folder, "systemd");
        File.Copy("/bin/sh", manager);
        File.SetUnixFileMode(manager, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var socketPath = Path.Combine(_folder, "notify");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        var url = $"http://127.0.0.1:{ServiceProcess.FreePort()}";
        var data = Path.Combine(_folder, "data");
        var start = new ProcessStartInfo(manager) { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        // not exec: the shell stays the service's parent; its exit status is the service's
        start.ArgumentList.Add($"dotnet ServiceDesk.Bot.dll --urls {url} --ServiceDesk:DataDirectory {data}; exit $?");
        start.Environment["NOTIFY_SOCKET"] = socketPath;
        using var shell = Process.Start(start)!;
        var log = new StringBuilder();
        shell.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        shell.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        shell.BeginOutputReadLine();
        shell.BeginErrorReadLine();
        try
        {
            Assert.Equal("READY=1", await ReceiveAsync(notify, log));
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url + "/health/ready")).StatusCode); // ready means serving

            var service = int.Parse(File.ReadAllText($"/proc/{shell.Id}/task/{shell.Id}/children").Trim().Split(' ')[0]);
            Process.Start("kill", ["-TERM", service.ToString()])!.WaitForExit();

            Assert.Equal("STOPPING=1", await ReceiveAsync(notify, log));
            await shell.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, shell.ExitCode);
            lock (log) Assert.Contains("<6>Microsoft.Hosting.Lifetime", log.ToString()); // journal priorities on each line
        }
        finally
        {
            if (!shell.HasExited) shell.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> ReceiveAsync(Socket socket, StringBuilder log)
    {
        var buffer = new byte[512];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return Encoding.UTF8.GetString(buffer, 0, n).Trim();
        }
        catch (OperationCanceledException)
        {
            lock (log) throw new TimeoutException("no notification from the service within 60 s; its log:\n" + log);
        }
    }
}
