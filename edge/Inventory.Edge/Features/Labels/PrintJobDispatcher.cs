using Inventory.Devices.Contracts;
using Inventory.Edge.Features.Mqtt;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Labels;

/// <summary>
/// Sends queued label jobs to their printers' jobs topics, oldest first, whenever the printer can be
/// reached; a job for a printer that is off stays queued (in the database, so also across a restart)
/// and goes out when the printer's gateway connects again. Polls every few seconds and wakes on new jobs.
/// </summary>
public sealed partial class PrintJobDispatcher(
    IDbContextFactory<EdgeDbContext> contexts, DeviceMessages messages, DeviceTopics topics, PrintJobSignal signal,
    TimeProvider time, ILogger<PrintJobDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            await signal.WaitAsync(Poll, stoppingToken);
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var queued = await db.PrintJobs.Where(j => j.DeliveredAt == null).OrderBy(j => j.CreatedAt).Take(100).ToListAsync(cancellationToken);
        foreach (var job in queued.Where(j => messages.CanReach(j.PrinterId)))
        {
            if (!await messages.PublishAsync(topics.PrinterJobs(job.PrinterId), PrintJobMessage.ToPayload(job.Zpl), PrintJobMessage.ContentType, cancellationToken))
            {
                continue;
            }

            job.DeliveredAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            LogSent(logger, job.Id, job.PrinterId, job.Copies);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Label job {JobId} sent to printer {PrinterId} ({Copies} copies)")]
    private static partial void LogSent(ILogger logger, Guid jobId, string printerId, int copies);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending label jobs failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
