using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Counting.Plans;

/// <summary>
/// Runs <see cref="CountScheduler"/> once at start (a box switched on late still gets today's counts) and then daily at
/// Inventory:Counting:ScheduleAt (UTC), on the injected clock. A failed run is logged and left to the next one: the
/// day it missed is made then if still today, since ScheduledThrough only moves when a day is done.
/// </summary>
public sealed partial class CountSchedulerService(
    CountScheduler scheduler, IOptions<CountingOptions> options, TimeProvider time, ILogger<CountSchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunTodayAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                var next = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + options.Value.ScheduleAt;
                if (next <= now)
                {
                    next = next.AddDays(1);
                }

                await Task.Delay(next - now, time, stoppingToken);
                await RunTodayAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The box is stopping.
        }
    }

    private async Task RunTodayAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        try
        {
            await scheduler.RunForDayAsync(today, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, today, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Making the plan counts of {Day} failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, DateOnly day, Exception exception);
}
