using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace Inventory.Web.Logging;

public static class InventoryLogging
{
    private const string FileTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Console lines for journald (systemd sets JOURNAL_STREAM) carry the syslog priority prefix, so
    /// `journalctl -p warning` works; a rolling file "<paramref name="filePrefix"/>-yyyyMMdd.log" in the log
    /// directory keeps two weeks, capped in size. Serilog settings in configuration apply on top.
    /// </summary>
    public static void AddInventoryLogging(this IHostApplicationBuilder builder, string logDirectory, string filePrefix) =>
        builder.AddInventoryLogging(_ => logDirectory, filePrefix);

    /// <summary>As above, with the log directory worked out when the logger is built, after configuration is complete.</summary>
    public static void AddInventoryLogging(this IHostApplicationBuilder builder, Func<IServiceProvider, string> logDirectory, string filePrefix)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(logDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(filePrefix);
        var underJournald = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM"));
        // preserveStaticLogger: each host logs through its own logger, never through the process-wide
        // Serilog.Log. Otherwise building a second host in the same process (the tests run several side by
        // side) repoints every host's new loggers at the last one's files, and disposing any host
        // (Log.CloseAndFlush) silences the others: a line could land in another box's log, or nowhere.
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration)
                    .Enrich.FromLogContext()
                    .Enrich.With<SyslogPriorityEnricher>()
                    .WriteTo.Console(outputTemplate: underJournald
                        ? "{SyslogPriority}{SourceContext}: {Message:lj}{NewLine}{Exception}"
                        : "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
                    .WriteTo.File(
                        Path.Combine(logDirectory(services), filePrefix + "-.log"),
                        outputTemplate: FileTemplate,
                        rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: 14,
                        fileSizeLimitBytes: 50L * 1024 * 1024,
                        rollOnFileSizeLimit: true,
                        restrictedToMinimumLevel: LogEventLevel.Information);
            },
            preserveStaticLogger: true);
    }
}
