using System.Diagnostics;
using System.Net;

namespace Inventory.Testing;

/// <summary>
/// An Inventory service as its own OS process (`dotnet X.dll` from the test's output), so a test can kill it
/// with SIGKILL mid-write and start it again on the same data, as a power cut and a restart would.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    /// <summary>Starts <paramref name="assembly"/> with <c>--urls</c> on the port (a free one for 0) and waits for /health.</summary>
    public static async Task<ServiceProcess> StartAsync(string assembly, IEnumerable<string> arguments, int port = 0)
    {
        port = port == 0 ? FreePort() : port;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        info.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        // Drain the pipes: a full pipe would block the service's logging and so its requests.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await service.WaitHealthyAsync(assembly, TimeSpan.FromSeconds(60));
        return service;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush; only what was made durable survives.</summary>
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

    /// <summary>A port reserved for this test process (see <see cref="FreePorts"/>).</summary>
    public static int FreePort() => FreePorts.Take();

    private async Task WaitHealthyAsync(string assembly, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{assembly} exited with code {_process.ExitCode} before it was healthy.");
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

        throw new TimeoutException($"{assembly} did not become healthy in time.");
    }
}
