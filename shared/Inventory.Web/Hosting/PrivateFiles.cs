namespace Inventory.Web.Hosting;

/// <summary>
/// What the service writes (database, WAL, logs, keys, secrets, import files) is readable by the service user
/// alone, however it was started: the systemd unit sets <c>UMask=0077</c>, but a box started by hand under
/// <c>dotnet run</c> inherits the shell's 0022 and would leave the stock ledger and the logs world-readable.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Each folder given is made (or made again) owner-only, 0700, with group and other bits taken off everything
    /// already inside it (files the service made before, or a box upgraded from a release that left them
    /// readable). The folder's mode is what protects files made later (a new day's log, the WAL): nobody but the
    /// owner can reach them through it. The process umask is left alone on purpose: in a test host it would also
    /// change the files of everything else in the process.
    /// </summary>
    public static void Restrict(params string[] folders)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var folder in folders.Where(f => !string.IsNullOrWhiteSpace(f)).Select(Path.GetFullPath).Distinct())
        {
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, OwnerOnlyFolder);
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
            {
                var mode = File.GetUnixFileMode(entry);
                if ((mode & GroupAndOthers) != 0)
                {
                    File.SetUnixFileMode(entry, mode & ~GroupAndOthers);
                }
            }
        }
    }
}
