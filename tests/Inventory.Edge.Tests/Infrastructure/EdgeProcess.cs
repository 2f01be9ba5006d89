using Inventory.Testing;

namespace Inventory.Edge.Tests.Infrastructure;

/// <summary>The edge as its own OS process on a data dir, to be killed with SIGKILL and started again.</summary>
public static class EdgeProcess
{
    public static Task<ServiceProcess> StartAsync(string dataDir, int port = 0, IEnumerable<string>? settings = null) =>
        ServiceProcess.StartAsync("Inventory.Edge.dll",
        [
            $"--Inventory:DataDir={dataDir}",
            $"--Inventory:Bootstrap:AdminPassword={EdgeHost.AdminPassword}",
            "--Serilog:MinimumLevel:Default=Warning",
            .. settings ?? [],
        ], port);
}
