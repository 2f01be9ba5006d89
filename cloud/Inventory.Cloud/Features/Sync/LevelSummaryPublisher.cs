using Inventory.Sync;
using System.Threading.Channels;
using Npgsql;

namespace Inventory.Cloud.Features.Sync;

/// <summary>
/// Catches other sites' view of a site's levels up after the site worked off a backlog: every pair its ledger
/// touched since the last catch-up, written to the feed in one transaction with the site's row locked (no push
/// of it in flight, so nothing is missed). Asked for by a push after its commit: at the end of a backlog, and
/// at most every <see cref="BacklogInterval"/> during a long one. A sweep finds sites left deferred, by a
/// box that stopped mid-backlog or by an instance of the cloud that stopped before its turn.
/// </summary>
public sealed partial class LevelSummaryPublisher(
    NpgsqlDataSource dataSource, HybridLogicalClock clock, TimeProvider time, ILogger<LevelSummaryPublisher> logger) : BackgroundService
{
    /// <summary>How stale other sites' view of a site may get while it works off a backlog.</summary>
    public static readonly TimeSpan BacklogInterval = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Request(string site) => _requests.Writer.TryWrite(site);

    /// <summary>Writes the site's deferred summaries now; how many pairs, or null when nothing was deferred.</summary>
    public async Task<int?> PublishAsync(string site, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        long after;
        await using (var command = new NpgsqlCommand("SELECT summaries_seq, summaries_deferred FROM sites WHERE code = $1 FOR UPDATE", c, tx))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = site });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct) || !reader.GetBoolean(1))
            {
                return null;
            }

            after = reader.GetInt64(0);
        }

        var upTo = await PushApplier.LastLedgerSeqAsync(c, tx, ct);
        var now = time.GetUtcNow();
        await FeedWriter.LockAsync(c, tx, ct);
        var pairs = await LevelSummaries.WriteTouchedAfterAsync(c, tx, site, after, clock.Next(), now, ct);
        await TypedTables.ExecAsync(c, tx,
            "UPDATE sites SET summaries_seq = $2, summaries_deferred = false, summaries_at = $3 WHERE code = $1", ct, site, upTo, now);
        await tx.CommitAsync(ct);
        return pairs;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = TimeSpan.Zero;
        var started = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            var sites = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                var untilSweep = nextSweep - time.GetElapsedTime(started);
                if (untilSweep > TimeSpan.Zero)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    wait.CancelAfter(untilSweep);
                    try
                    {
                        await _requests.Reader.WaitToReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        // Time for the sweep.
                    }
                }

                while (_requests.Reader.TryRead(out var site))
                {
                    sites.Add(site);
                }

                if (time.GetElapsedTime(started) >= nextSweep)
                {
                    sites.UnionWith(await DeferredAsync(stoppingToken));
                    nextSweep = time.GetElapsedTime(started) + SweepInterval;
                }

                foreach (var site in sites)
                {
                    var pairs = await PublishAsync(site, stoppingToken);
                    if (pairs is { } written)
                    {
                        LogPublished(logger, site, written);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException e)
            {
                // Left deferred in the database: the next sweep takes it up again.
                LogFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
        }
    }

    /// <summary>Sites whose summaries wait: their backlog is done, or the last catch-up is older than the interval.</summary>
    private async Task<List<string>> DeferredAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT code FROM sites WHERE summaries_deferred AND (pending = 0 OR summaries_at IS NULL OR summaries_at < $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = (time.GetUtcNow() - BacklogInterval).ToUniversalTime() });
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Level summaries of site {Site} caught up: {Pairs} product/location pairs")]
    private static partial void LogPublished(ILogger logger, string site, int pairs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catching up level summaries failed; the next sweep retries")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
