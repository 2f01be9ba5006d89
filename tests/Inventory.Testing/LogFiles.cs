namespace Inventory.Testing;

/// <summary>A service's log files, read while it may still be writing to them.</summary>
public static class LogFiles
{
    public static string ReadAll(string dir, string pattern = "*") => string.Concat(Directory.GetFiles(dir, pattern).Select(Read));

    private static string Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
