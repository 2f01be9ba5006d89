using System.Diagnostics;
using System.Text;

namespace Inventory.Edge.Tests.Infrastructure;

/// <summary>Runs real command-line tools (mosquitto_pub, mosquitto_sub, mosquitto) with a hard time limit.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string? stdin = null, int timeoutSeconds = 20)
    {
        using var process = Start(file, args, stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Process Start(string file, IEnumerable<string> args, bool redirectStdin = false)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}");
    }
}
