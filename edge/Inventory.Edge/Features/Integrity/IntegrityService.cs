using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Integrity;

/// <summary>Runs the ledger check on its own every IntegrityCheckInterval (a day by default) and logs the result.</summary>
public sealed partial class IntegrityService(
    IntegrityCheck check, IOptions<EdgeOptions> options, TimeProvider time, ILogger<IntegrityService> logger) : BackgroundService
{
    public IntegrityReport? Last { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Ledger.IntegrityCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    public async Task<IntegrityReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var report = await check.RunAsync(cancellationToken);
            Last = report;
            if (report.Ok)
            {
                LogClean(logger, report.Movements, report.Levels, report.ElapsedMs);
            }
            else
            {
                LogDifferences(logger, report.Differences.Count, report.Movements);
            }

            return report;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrity check: {Movements} movements agree with {Levels} levels ({ElapsedMs:0} ms)")]
    private static partial void LogClean(ILogger logger, long movements, int levels, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity check: {Count} levels differ from the ledger of {Movements} movements")]
    private static partial void LogDifferences(ILogger logger, int count, long movements);

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity check could not run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
