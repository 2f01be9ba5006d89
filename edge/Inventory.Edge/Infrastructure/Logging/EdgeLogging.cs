using Serilog;
using Serilog.Events;

namespace Inventory.Edge.Infrastructure.Logging;

public static class EdgeLogging
{
    private const string FileTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Console lines for journald (systemd sets JOURNAL_STREAM) carry the syslog priority prefix, so
    /// `journalctl -p warning` works; a rolling file under the data dir keeps two weeks, capped in size.
    /// </summary>
    public static void AddEdgeLogging(this WebApplicationBuilder builder)
    {
        var underJournald = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM"));
        builder.Services.AddSerilog((services, logger) =>
        {
            var dataDir = EdgeOptions.DataDirFrom(builder.Configuration);
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.With<SyslogPriorityEnricher>()
                .WriteTo.Console(outputTemplate: underJournald
                    ? "{SyslogPriority}{SourceContext}: {Message:lj}{NewLine}{Exception}"
                    : "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
                .WriteTo.File(
                    Path.Combine(dataDir, "logs", "edge-.log"),
                    outputTemplate: FileTemplate,
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14,
                    fileSizeLimitBytes: 50L * 1024 * 1024,
                    rollOnFileSizeLimit: true,
                    restrictedToMinimumLevel: LogEventLevel.Information);
        });
    }
}
