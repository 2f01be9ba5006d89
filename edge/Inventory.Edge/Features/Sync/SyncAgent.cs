using System.Data.Common;
using System.Text.Json;
using Inventory.Edge.Features.Ledger;
using Inventory.Sync;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Sync;

/// <summary>
/// Replicates with the cloud while Inventory:Cloud:Url is set: a push loop (movements after the pushed
/// seq and outbox rows after the pushed outbox seq, batch after batch while a backlog lasts, then woken by
/// commits) and a pull loop (a long poll on the cloud's feed). Each loop backs off on its own while the
/// cloud is unreachable or refuses; the box meanwhile works as if standalone.
/// </summary>
public sealed partial class SyncAgent(
    IOptions<CloudOptions> cloudOptions, IOptions<EdgeOptions> edgeOptions, PushReader reader, CloudClient cloud,
    SyncStateStore state, ChangeApplier applier, SyncSignal signal, LedgerNotifications ledger, TimeProvider time,
    ILogger<SyncAgent> logger) : BackgroundService
{
    /// <summary>Commits arriving this close together go in one push.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

    /// <summary>Look for unpushed rows this often even without a signal (a save committed after its signal, say).</summary>
    public static readonly TimeSpan IdleLook = TimeSpan.FromSeconds(5);

    private readonly CloudOptions _cloud = cloudOptions.Value;
    private readonly Lock _gate = new();
    private DateTimeOffset? _pushRetryAt;
    private DateTimeOffset? _pullRetryAt;

    public bool Enabled => _cloud.Enabled;

    public string SiteCode => string.IsNullOrWhiteSpace(_cloud.SiteCode) ? edgeOptions.Value.Site.Code : _cloud.SiteCode;

    /// <summary>When a loop that failed tries again; null while both are healthy.</summary>
    public DateTimeOffset? NextAttemptAt
    {
        get
        {
            lock (_gate)
            {
                return (_pushRetryAt, _pullRetryAt) switch
                {
                    ({ } a, { } b) => a < b ? a : b,
                    (var a, var b) => a ?? b,
                };
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        ledger.Subscribe(signal.Raise);
        var cloudUri = _cloud.BaseUri()!;
        LogStarted(logger, cloudUri, SiteCode);
        await Task.WhenAll(PushLoopAsync(stoppingToken), PullLoopAsync(stoppingToken));
    }

    /// <summary>
    /// Pushes in order, with up to <see cref="PushesInFlight"/> batches on the wire while a backlog lasts: the cloud
    /// parses the next batch while it applies this one (it applies one site's pushes one at a time). Cursors move
    /// only with the oldest acknowledged batch; when one is refused, those sent after it are dropped and sent again
    /// later, which the cloud's set union makes harmless.
    /// </summary>
    private async Task PushLoopAsync(CancellationToken stoppingToken)
    {
        var backoff = Backoff.Default();
        var inFlight = new Queue<(PreparedPush Push, Task<CloudResult<PushAck>> Result)>();
        SyncCursors? cursors = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                cursors ??= await state.CursorsAsync(stoppingToken);
                await FillAsync(inFlight, cursors, stoppingToken);
                if (inFlight.Count == 0)
                {
                    await signal.WaitAsync(IdleLook, stoppingToken);
                    await Task.Delay(Debounce, time, stoppingToken);
                    continue;
                }

                var (push, pending) = inFlight.Dequeue();
                var result = await pending;
                if (result.Value is { } ack)
                {
                    await state.PushedAsync(push.MovementsUpTo, push.ChangesUpTo, ack.Quarantined, stoppingToken);
                    cursors = cursors with { MovementsPushedSeq = push.MovementsUpTo, OutboxPushedSeq = push.ChangesUpTo };
                    if (ack.Quarantined.Count > 0)
                    {
                        LogQuarantined(logger, ack.Quarantined.Count);
                    }

                    backoff.Reset();
                    SetRetry(push: true, null);
                    continue;
                }

                await DrainAsync(inFlight);
                LogPushRefused(logger, result.Error!);
                await FailAsync("push", result.Error!, backoff, push: true, stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or IOException or InvalidOperationException or JsonException)
            {
                await DrainAsync(inFlight);
                cursors = null;
                LogLoopFailed(logger, ex, "push");
                await FailAsync("push", ex.Message, backoff, push: true, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>At most this many pushes of this box are on the wire at once.</summary>
    public const int PushesInFlight = 2;

    /// <summary>Sends the next batches after the last one on the wire, while the last one was full (a backlog).</summary>
    private async Task FillAsync(Queue<(PreparedPush Push, Task<CloudResult<PushAck>> Result)> inFlight, SyncCursors cursors, CancellationToken stoppingToken)
    {
        while (inFlight.Count < PushesInFlight)
        {
            var last = inFlight.Count > 0 ? inFlight.Last().Push : null;
            // Only movements overtake safely (a set union); a batch with master data (a new location, an edit whose
            // base is in it) goes alone, so the cloud never sees what depends on it first.
            if (last is not null && (last.Movements < _cloud.PushBatchSize || last.Changes > 0))
            {
                return;
            }

            var push = await reader.ReadAsync(SiteCode, last?.MovementsUpTo ?? cursors.MovementsPushedSeq,
                last?.ChangesUpTo ?? cursors.OutboxPushedSeq, _cloud.PushBatchSize, stoppingToken);
            if (push.IsEmpty)
            {
                return;
            }

            inFlight.Enqueue((push, cloud.PushAsync(push, stoppingToken)));
        }
    }

    /// <summary>Waits out the pushes still on the wire after a refusal; their answers no longer count.</summary>
    private static async Task DrainAsync(Queue<(PreparedPush Push, Task<CloudResult<PushAck>> Result)> inFlight)
    {
        while (inFlight.TryDequeue(out var item))
        {
            try
            {
                await item.Result;
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or JsonException or HttpRequestException)
            {
                // Nothing to keep.
            }
        }
    }

    private async Task PullLoopAsync(CancellationToken stoppingToken)
    {
        var backoff = Backoff.Default();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var cursor = (await state.CursorsAsync(stoppingToken)).PullCursor;
                var started = time.GetTimestamp();
                var result = await cloud.PullAsync(cursor, stoppingToken);
                if (result.Value is not { } page)
                {
                    LogPullRefused(logger, result.Error!);
                    await FailAsync("pull", result.Error!, backoff, push: false, stoppingToken);
                    continue;
                }

                var applied = await applier.ApplyPageAsync(page, stoppingToken);
                if (applied.Applied + applied.Failed > 0)
                {
                    LogPulled(logger, applied.Applied, applied.Ignored, applied.Failed, page.Next);
                }

                backoff.Reset();
                SetRetry(push: false, null);
                // A long poll came back with news (or More): ask again at once. An answer with nothing, and quicker
                // than the wait asked for, means the cloud does not hold requests open: wait the pull interval.
                if (!page.More && page.Changes.Count == 0
                    && time.GetElapsedTime(started) < TimeSpan.FromSeconds(CloudClient.PullWaitSeconds / 2.0))
                {
                    await Task.Delay(_cloud.PullInterval, time, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is DbException or IOException or InvalidOperationException or JsonException)
            {
                LogLoopFailed(logger, ex, "pull");
                await FailAsync("pull", ex.Message, backoff, push: false, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task FailAsync(string source, string error, Backoff backoff, bool push, CancellationToken stoppingToken)
    {
        var delay = backoff.Next();
        SetRetry(push, time.GetUtcNow() + delay);
        try
        {
            await state.FailedAsync(source, error, stoppingToken);
        }
        catch (DbException ex)
        {
            LogLoopFailed(logger, ex, source);
        }

        await Task.Delay(delay, time, stoppingToken);
    }

    private void SetRetry(bool push, DateTimeOffset? at)
    {
        lock (_gate)
        {
            if (push)
            {
                _pushRetryAt = at;
            }
            else
            {
                _pullRetryAt = at;
            }
        }
    }

    /// <summary>A read ahead for cursors that did not move is of no use; it is awaited only so its failure is observed.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Replicating with {Cloud} as site {Site}")]
    private static partial void LogStarted(ILogger logger, Uri cloud, string site);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push not accepted: {Error}")]
    private static partial void LogPushRefused(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pull failed: {Error}")]
    private static partial void LogPullRefused(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cloud quarantined {Count} movements; see /api/sync/status")]
    private static partial void LogQuarantined(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulled {Applied} changes ({Ignored} older than ours, {Failed} skipped); feed cursor {Next}")]
    private static partial void LogPulled(ILogger logger, int applied, int ignored, int failed, long next);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Loop} loop failed; retrying with back-off")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception, string loop);
}
