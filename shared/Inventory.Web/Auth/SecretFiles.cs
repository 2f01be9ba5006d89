namespace Inventory.Web.Auth;

/// <summary>Files that hold a secret: in a folder only the service user may enter, readable by it alone.</summary>
public static class SecretFiles
{
    /// <summary>Writes the file anew, whatever was there.</summary>
    public static void Replace(string path, string content)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        TryCreate(path, content);
    }

    /// <summary>Creates the file once (written aside and moved in, so a crash never leaves half a secret); false when it already exists.</summary>
    public static bool TryCreate(string path, string content)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (File.Exists(path))
        {
            return false;
        }

        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: false);
        return true;
    }
}
