namespace Inventory.Edge.Features.Catalog.Csv;

public static class ImportStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

/// <summary>What GET /api/products/bulk-import/{jobId} answers, and what the job's JSON file holds.</summary>
public sealed record ImportJobView(
    Guid JobId,
    string Status,
    string? FileName,
    long RowsRead,
    long Created,
    long Updated,
    long Unchanged,
    long Failed,
    IReadOnlyList<ImportRowError> Errors,
    long MoreErrors,
    IReadOnlyList<string> Warnings,
    string? Message,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>
/// One import's progress. The worker writes it while request threads read it, so every change and every
/// snapshot takes the lock; the lock is held for microseconds.
/// </summary>
public sealed class ImportJob
{
    public const int MaxStoredErrors = 1000;

    private readonly Lock _lock = new();
    private readonly List<ImportRowError> _errors = [];
    private readonly List<string> _warnings = [];
    private string _status;
    private long _rowsRead;
    private long _created;
    private long _updated;
    private long _unchanged;
    private long _failed;
    private long _moreErrors;
    private string? _message;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _finishedAt;

    public ImportJob(Guid id, string? fileName, DateTimeOffset queuedAt)
    {
        Id = id;
        FileName = fileName;
        QueuedAt = queuedAt;
        _status = ImportStatuses.Queued;
    }

    public Guid Id { get; }

    public string? FileName { get; }

    public DateTimeOffset QueuedAt { get; }

    public bool IsFinished
    {
        get
        {
            lock (_lock)
            {
                return _status is ImportStatuses.Completed or ImportStatuses.Failed;
            }
        }
    }

    public static ImportJob FromView(ImportJobView view)
    {
        var job = new ImportJob(view.JobId, view.FileName, view.QueuedAt)
        {
            _status = view.Status,
            _rowsRead = view.RowsRead,
            _created = view.Created,
            _updated = view.Updated,
            _unchanged = view.Unchanged,
            _failed = view.Failed,
            _moreErrors = view.MoreErrors,
            _message = view.Message,
            _startedAt = view.StartedAt,
            _finishedAt = view.FinishedAt,
        };
        job._errors.AddRange(view.Errors);
        job._warnings.AddRange(view.Warnings);
        return job;
    }

    public void Start(DateTimeOffset now)
    {
        lock (_lock)
        {
            _status = ImportStatuses.Running;
            _startedAt = now;
        }
    }

    public void RowRead()
    {
        lock (_lock)
        {
            _rowsRead++;
        }
    }

    public void Warn(IEnumerable<string> warnings)
    {
        lock (_lock)
        {
            _warnings.AddRange(warnings);
        }
    }

    public void Add(ImportChunkOutcome outcome)
    {
        lock (_lock)
        {
            _created += outcome.Created;
            _updated += outcome.Updated;
            _unchanged += outcome.Unchanged;
            _failed += outcome.Failed;
            foreach (var error in outcome.Errors)
            {
                if (_errors.Count < MaxStoredErrors)
                {
                    _errors.Add(error);
                }
                else
                {
                    _moreErrors++;
                }
            }
        }
    }

    public void Complete(DateTimeOffset now) => Finish(ImportStatuses.Completed, null, now);

    public void Fail(string message, DateTimeOffset now) => Finish(ImportStatuses.Failed, message, now);

    public ImportJobView Snapshot()
    {
        lock (_lock)
        {
            return new ImportJobView(
                Id, _status, FileName, _rowsRead, _created, _updated, _unchanged, _failed,
                [.. _errors], _moreErrors, [.. _warnings], _message, QueuedAt, _startedAt, _finishedAt);
        }
    }

    private void Finish(string status, string? message, DateTimeOffset now)
    {
        lock (_lock)
        {
            _status = status;
            _message = message;
            _startedAt ??= now;
            _finishedAt = now;
        }
    }
}

/// <summary>What one chunk did; added to the job only once the chunk's transaction has committed.</summary>
public sealed class ImportChunkOutcome
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Failed { get; set; }
    public List<ImportRowError> Errors { get; } = [];

    public void Refuse(IEnumerable<ImportRowError> errors)
    {
        Failed++;
        Errors.AddRange(errors);
    }

    public void Refuse(int row, string? column, string message) => Refuse([new ImportRowError(row, column, message)]);
}
