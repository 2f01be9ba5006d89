using Inventory.Edge.Tests.Infrastructure;
using Inventory.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inventory.Edge.Tests.Hosting;

/// <summary>
/// Several hosts share one test process. Each must write to its own log files whatever the others do:
/// when the hosts shared Serilog's static logger, a line could land in the last-built host's file, or
/// nowhere once any host was disposed, and a test that read its host's log failed now and then.
/// </summary>
public sealed partial class LogIsolationTests
{
    [Fact]
    public async Task A_hosts_log_lines_land_in_its_own_file_while_another_host_starts_and_stops_in_the_same_process()
    {
        await using var first = new OwnedHost();
        await first.Host.InitializeAsync();
        var second = new OwnedHost();
        await second.Host.InitializeAsync();

        var whileBothRun = Guid.NewGuid().ToString("N");
        LogMarker(Logger(first.Host), whileBothRun);
        await second.DisposeAsync();
        var afterTheOtherStopped = Guid.NewGuid().ToString("N");
        LogMarker(Logger(first.Host), afterTheOtherStopped);

        var logs = LogFiles.ReadAll(Path.Combine(first.Host.DataDir, "logs"));
        Assert.Contains(whileBothRun, logs, StringComparison.Ordinal);
        Assert.Contains(afterTheOtherStopped, logs, StringComparison.Ordinal);
    }

    // A logger made after the other host started, as a hosted service or a request handler resolves its own.
    private static ILogger Logger(EdgeHost host) =>
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger($"{nameof(LogIsolationTests)}.{Guid.NewGuid():N}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marker {Marker}")]
    private static partial void LogMarker(ILogger logger, string marker);

    private sealed class OwnedHost : IAsyncDisposable
    {
        private bool _disposed;

        public EdgeHost Host { get; } = new();

        public async ValueTask DisposeAsync()
        {
            if (!_disposed)
            {
                _disposed = true;
                await Host.DisposeAsync();
            }
        }
    }
}
