using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Inventory.Edge.Infrastructure.Data;

namespace Inventory.Edge.Features.Catalog.Csv;

/// <summary>
/// The import jobs: in memory for the status endpoint, one small JSON file each under &lt;DataDir&gt;/imports
/// so a status can still be read after a restart, and a queue the single worker drains in order.
/// </summary>
public sealed partial class ImportJobs
{
    private const string UploadSuffix = ".upload.csv";

    /// <summary>Long enough to look back at last month's import; short enough that the folder stays small.</summary>
    private static readonly TimeSpan KeepFinishedFor = TimeSpan.FromDays(30);

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider _time;
    private readonly ILogger<ImportJobs> _logger;

    public ImportJobs(EdgeDatabase database, TimeProvider time, ILogger<ImportJobs> logger)
    {
        _time = time;
        _logger = logger;
        Folder = Path.Combine(database.DataDir, "imports");
        Directory.CreateDirectory(Folder);
        LoadSaved();
    }

    public string Folder { get; }

    public ChannelReader<ImportJob> Queue => _queue.Reader;

    public string UploadPath(Guid jobId) => Path.Combine(Folder, jobId.ToString("N") + UploadSuffix);

    public ImportJob? Find(Guid jobId) => _jobs.GetValueOrDefault(jobId);

    public async Task<ImportJob> EnqueueAsync(Guid jobId, string? fileName, CancellationToken cancellationToken)
    {
        var job = new ImportJob(jobId, fileName, _time.GetUtcNow());
        _jobs[jobId] = job;
        await SaveAsync(job, cancellationToken);
        await _queue.Writer.WriteAsync(job, cancellationToken);
        return job;
    }

    /// <summary>Written to a temporary name and moved, so a crash mid-write never leaves half a status.</summary>
    public async Task SaveAsync(ImportJob job, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder, job.Id.ToString("N") + ".json");
        var temporary = path + ".tmp";
        await using (var file = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(file, job.Snapshot(), FileJson, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private void LoadSaved()
    {
        // Uploads of jobs that were queued or running when the service stopped cannot be resumed mid-file.
        foreach (var upload in Directory.EnumerateFiles(Folder, "*" + UploadSuffix))
        {
            File.Delete(upload);
        }

        foreach (var path in Directory.EnumerateFiles(Folder, "*.json"))
        {
            try
            {
                var view = JsonSerializer.Deserialize<ImportJobView>(File.ReadAllText(path), FileJson);
                if (view is null)
                {
                    continue;
                }

                if (view.FinishedAt < _time.GetUtcNow() - KeepFinishedFor)
                {
                    File.Delete(path);
                    continue;
                }

                var job = ImportJob.FromView(view);
                if (!job.IsFinished)
                {
                    job.Fail("The service stopped before this import finished. Rows in chunks already committed stay imported; upload the file again to finish (unchanged rows are skipped).", _time.GetUtcNow());
                    var interrupted = job.Snapshot();
                    File.WriteAllText(path, JsonSerializer.Serialize(interrupted, FileJson));
                }

                _jobs[view.JobId] = job;
            }
            catch (JsonException e)
            {
                LogUnreadable(path, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import status file {Path} is unreadable and was skipped")]
    private partial void LogUnreadable(string path, Exception exception);
}
