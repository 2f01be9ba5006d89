using System.Text.Json;
using System.Threading.Channels;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// The single writer of the ledger, with group commit. Requests queue here; the writer drains what has
/// queued (up to MaxBatch) into one transaction, gives each request its own savepoint so a refusal rolls
/// back only that request, commits once (one fsync for the whole batch), and only then answers each
/// request. Under load many requests share one fsync; alone, a request waits for nothing but its own.
/// </summary>
public sealed partial class MovementWriter : BackgroundService
{
    private readonly Channel<Pending> _queue;
    private readonly EdgeDatabase _database;
    private readonly TimeProvider _time;
    private readonly EdgeOptions _options;
    private readonly JsonSerializerOptions _json;
    private readonly ILogger<MovementWriter> _logger;
    private readonly LedgerNotifications _notifications;
    private readonly IEnumerable<ILedgerTransactionObserver> _observers;
    private readonly Inventory.Sync.HybridLogicalClock _clock;
    private long _commits;
    private long _committedRequests;

    public MovementWriter(
        EdgeDatabase database, TimeProvider time, IOptions<EdgeOptions> options, IOptions<JsonOptions> json,
        LedgerNotifications notifications, IEnumerable<ILedgerTransactionObserver> observers, Inventory.Sync.HybridLogicalClock clock, ILogger<MovementWriter> logger)
    {
        _clock = clock;
        _notifications = notifications;
        _observers = observers;
        _database = database;
        _time = time;
        _options = options.Value;
        _json = json.Value.SerializerOptions;
        _logger = logger;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(_options.Ledger.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Commits counted since start, and requests they carried: their ratio is the group-commit factor.</summary>
    public (long Commits, long Requests) Stats => (Interlocked.Read(ref _commits), Interlocked.Read(ref _committedRequests));

    public async Task<LedgerOutcome> SubmitAsync(LedgerCommand command, CancellationToken cancellationToken)
    {
        var pending = new Pending(command, new TaskCompletionSource<LedgerOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        // Once queued the request is the writer's: a client that hangs up does not cancel a commit half-way.
        return await pending.Completion.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = await _database.OpenAsync(stoppingToken);
        using var statements = new LedgerStatements(connection);
        using var observers = new LedgerObservers(_observers, connection);
        var applier = new LedgerApplier(statements, _options.Site.Code, _json, observers, _clock);
        var batch = new List<Pending>(_options.Ledger.MaxBatch);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < _options.Ledger.MaxBatch && reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                CommitBatch(connection, statements, applier, observers, batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued was never acknowledged; tell its callers so.
        }

        _queue.Writer.TryComplete();
        while (reader.TryRead(out var left))
        {
            left.Completion.TrySetResult(new LedgerOutcome(LedgerOutcomeKind.Failed, Message: "The service is stopping; nothing was recorded."));
        }
    }

    private void CommitBatch(
        SqliteConnection connection, LedgerStatements statements, LedgerApplier applier, LedgerObservers observers, List<Pending> batch)
    {
        var outcomes = new LedgerOutcome[batch.Count];
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            statements.Enlist(transaction);
            observers.Enlist(transaction);
            var now = _time.GetUtcNow();
            for (var i = 0; i < batch.Count; i++)
            {
                observers.BeginCommand();
                outcomes[i] = ApplyOne(transaction, applier, batch[i].Command, now, i);
                if (outcomes[i].Kind is not (LedgerOutcomeKind.Committed or LedgerOutcomeKind.Replayed))
                {
                    observers.RollbackCommand();
                }
            }

            transaction.Commit();
            statements.Enlist(null);
            observers.Enlist(null);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            // The batch did not commit (disk full, I/O error, database locked past the timeout): nothing is
            // acknowledged, and every caller hears so, including those whose own part was fine.
            statements.Enlist(null);
            observers.Enlist(null);
            observers.Discard();
            LogBatchFailed(_logger, ex, batch.Count);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult(new LedgerOutcome(LedgerOutcomeKind.Failed, Message: "The movement could not be saved; try again."));
            }

            return;
        }

        observers.Committed();
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _committedRequests, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(outcomes[i]);
            if (outcomes[i] is { Kind: LedgerOutcomeKind.Committed, Result: { } result })
            {
                _notifications.Committed(result);
            }
        }
    }

    private LedgerOutcome ApplyOne(SqliteTransaction transaction, LedgerApplier applier, LedgerCommand command, DateTimeOffset now, int index)
    {
        var savepoint = "c" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        transaction.Save(savepoint);
        try
        {
            var outcome = applier.Apply(command, now, transaction);
            transaction.Release(savepoint);
            return outcome;
        }
        catch (LedgerRefusal refusal)
        {
            transaction.Rollback(savepoint);
            transaction.Release(savepoint);
            return new LedgerOutcome(refusal.Kind, Message: refusal.Message);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 19 or 20 or 25)
        {
            // A constraint the checks above did not foresee: this request fails, its neighbours go on.
            transaction.Rollback(savepoint);
            transaction.Release(savepoint);
            LogCommandFailed(_logger, ex);
            return new LedgerOutcome(LedgerOutcomeKind.Failed, Message: "The movement was refused by the database.");
        }
        catch (Exception ex) when (ex is not SqliteException and not OperationCanceledException)
        {
            // A bug in one request must not take the writer, and every queued request with it, down.
            transaction.Rollback(savepoint);
            transaction.Release(savepoint);
            LogCommandFailed(_logger, ex);
            return new LedgerOutcome(LedgerOutcomeKind.Failed, Message: "The movement could not be recorded.");
        }
    }

    private sealed record Pending(LedgerCommand Command, TaskCompletionSource<LedgerOutcome> Completion);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} movement requests failed to commit; none was acknowledged")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A movement request hit a database constraint")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception);
}
