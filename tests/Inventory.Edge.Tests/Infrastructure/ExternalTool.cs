using System.Diagnostics;

namespace Inventory.Edge.Tests.Infrastructure;

/// <summary>
/// Runs an independent program (zbarimg, zint, pdftoppm from Debian) the way a person would, so a test
/// proves our output against someone else's reader or our reader against someone else's writer.
/// test.sh installs them; a missing one fails the test rather than skipping it.
/// </summary>
public static class ExternalTool
{
    public sealed record Output(int ExitCode, string StdOut, string StdErr);

    public static async Task<Output> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new Output(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Every code zbarimg finds in an image file, one per line as it prints them with --raw.</summary>
    public static async Task<IReadOnlyList<string>> ZbarAsync(string imagePath)
    {
        var output = await RunAsync("zbarimg", "--raw", "-q", imagePath);
        return output.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>A fresh temp directory for one test's files, removed by the caller's using.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "inventory-tests", "files-" + Guid.NewGuid().ToString("N"));

        public TempDir() => Directory.CreateDirectory(Path);

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }
    }
}
