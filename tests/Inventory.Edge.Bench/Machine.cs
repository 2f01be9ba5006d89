using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Inventory.Edge.Bench;

/// <summary>What the figures were measured on: a number means little without the machine and its load.</summary>
internal static class Machine
{
    public static void Print(string? dataDir)
    {
        Console.WriteLine("Machine");
        Console.WriteLine($"  cpu          {Environment.ProcessorCount} logical processors{(CpuModel() is { } model ? ", " + model : "")}");
        Console.WriteLine($"  os           {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        Console.WriteLine($"  runtime      {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        if (LoadAverage() is { } load)
        {
            Console.WriteLine($"  load avg     {load} (1/5/15 min, at start)");
        }

        if (dataDir is not null)
        {
            Console.WriteLine($"  data dir     {dataDir}{(FileSystemOf(dataDir) is { } fs ? $" ({fs})" : "")}");
        }

        Console.WriteLine();
    }

    /// <summary>The load at the end of a run: with other work on the machine, the figures are only as good as this.</summary>
    public static void PrintLoadAtEnd()
    {
        if (LoadAverage() is { } load)
        {
            Console.WriteLine($"Load average at the end: {load} (1/5/15 min; {Environment.ProcessorCount} logical processors)");
        }
    }

    private static string? CpuModel() => FirstLine("/proc/cpuinfo", "model name") is { } line && line.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
        ? line[(colon + 1)..].Trim()
        : null;

    private static string? LoadAverage()
    {
        var text = Read("/proc/loadavg");
        return text is null ? null : string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
    }

    /// <summary>The file system the database lives on (from /proc/mounts): a tmpfs makes fsync free and throughput unreal.</summary>
    private static string? FileSystemOf(string path)
    {
        var mounts = Read("/proc/mounts");
        if (mounts is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        string? best = null;
        var bestLength = -1;
        foreach (var line in mounts.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length < 3)
            {
                continue;
            }

            var mountPoint = parts[1].Replace("\\040", " ", StringComparison.Ordinal);
            var covers = mountPoint == "/" || full == mountPoint || full.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (covers && mountPoint.Length > bestLength)
            {
                best = parts[2];
                bestLength = mountPoint.Length;
            }
        }

        return best;
    }

    private static string? FirstLine(string path, string prefix) =>
        Read(path)?.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private static string? Read(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string Int(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
