namespace Inventory.Edge.Features.Catalog.Csv;

/// <summary>
/// Runs queued imports one at a time: two imports at once would only contend for SQLite's single writer,
/// and an import's rows must not interleave with another's upserts of the same SKUs.
/// </summary>
public sealed partial class ProductImportWorker(
    ImportJobs jobs, ProductImporter importer, TimeProvider time, ILogger<ProductImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Queue.ReadAllAsync(stoppingToken))
        {
            var path = jobs.UploadPath(job.Id);
            var started = time.GetTimestamp();
            try
            {
                await importer.RunAsync(job, path, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                job.Fail("The service stopped during this import. Rows in chunks already committed stay imported; upload the file again to finish.", time.GetUtcNow());
            }
#pragma warning disable CA1031 // Whatever stops one import must not stop the worker for the next one.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(job.Id, e);
                job.Fail("The import stopped on an unexpected error: " + e.Message, time.GetUtcNow());
            }
            finally
            {
                File.Delete(path);
            }

            var elapsedMs = time.GetElapsedTime(started).TotalMilliseconds;
            await jobs.SaveAsync(job, CancellationToken.None);
            var view = job.Snapshot();
            LogFinished(job.Id, view.Status, view.RowsRead, view.Created, view.Updated, view.Unchanged, view.Failed, elapsedMs);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog import {JobId} failed")]
    private partial void LogFailed(Guid jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Catalog import {JobId} {Status}: {Rows} rows, {Created} created, {Updated} updated, {Unchanged} unchanged, {Failed} refused ({ElapsedMs:0} ms)")]
    private partial void LogFinished(Guid jobId, string status, long rows, long created, long updated, long unchanged, long failed, double elapsedMs);
}
