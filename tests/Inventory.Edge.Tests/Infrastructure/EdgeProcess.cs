using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Inventory.Edge.Tests.Infrastructure;

/// <summary>
/// The edge as its own OS process (`dotnet Inventory.Edge.dll`), so a test can kill it with SIGKILL
/// mid-write and start it again on the same data dir, as a power cut and a systemd restart would.
/// </summary>
public sealed class EdgeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EdgeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<EdgeProcess> StartAsync(string dataDir, int port = 0)
    {
        port = port == 0 ? FreePort() : port;
        var dll = Path.Combine(AppContext.BaseDirectory, "Inventory.Edge.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     dll, $"--urls=http://127.0.0.1:{port}", $"--Inventory:DataDir={dataDir}",
                     $"--Inventory:Bootstrap:AdminPassword={EdgeHost.AdminPassword}", "--Serilog:MinimumLevel:Default=Warning",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        // Drain the pipes: a full pipe would block the edge's logging and so its requests.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var edge = new EdgeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await edge.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return edge;
    }

    public int Port => BaseAddress.Port;

    /// <summary>SIGKILL: no shutdown hooks, no flush; only what was fsynced survives.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The edge exited with code {_process.ExitCode} before it was healthy.");
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first start.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The edge did not become healthy in time.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
