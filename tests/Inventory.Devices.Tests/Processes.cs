using System.Diagnostics;
using System.Threading.Channels;

namespace Inventory.Devices.Tests;

/// <summary>A program of this repository or of the machine, run for real, its output lines readable as they come.</summary>
public sealed class RunningProgram : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    private RunningProgram(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _lines.Writer.TryWrite(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _lines.Writer.TryWrite(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public StreamWriter Input => _process.StandardInput;

    public bool HasExited => _process.HasExited;

    /// <summary>One of this repository's device programs, from the test's output folder.</summary>
    public static RunningProgram Device(string name, params string[] args) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, name + ".dll"), .. args]);

    public static RunningProgram Start(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new RunningProgram(Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start."));
    }

    /// <summary>Waits for an output line containing the text; fails with what was printed when it does not come.</summary>
    public async Task<string> WaitForLineAsync(string contains, TimeSpan timeout)
    {
        var seen = new List<string>();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(cancel.Token);
                seen.Add(line);
                if (line.Contains(contains, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No line with '{contains}' within {timeout.TotalSeconds} s. Output:\n" + string.Join('\n', seen));
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>A port reserved for this test process (see <see cref="Inventory.Testing.FreePorts"/>).</summary>
    public static int FreePort() => Inventory.Testing.FreePorts.Take();
}
