using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Hosting;

/// <summary>A box started by hand (umask 0022, as under `dotnet run`) keeps its data to the service user.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileModeTests
{
    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Start_DataDirAndItsFiles_OwnerOnly()
    {
        var edge = new EdgeHost();
        Directory.CreateDirectory(edge.DataDir);
        File.SetUnixFileMode(edge.DataDir, (UnixFileMode)0b111_101_101);
        var leftOver = Path.Combine(edge.DataDir, "left-over.txt");
        await File.WriteAllTextAsync(leftOver, "from an older release");
        File.SetUnixFileMode(leftOver, (UnixFileMode)0b110_100_100);
        try
        {
            await edge.InitializeAsync();

            Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(edge.DataDir));
            foreach (var name in new[] { "inventory.db", "inventory.db-wal", "left-over.txt" })
            {
                var path = Path.Combine(edge.DataDir, name);
                Assert.True(File.Exists(path), $"{name} exists");
                Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(path) & GroupAndOthers);
            }
        }
        finally
        {
            await edge.DisposeAsync();
        }
    }
}
