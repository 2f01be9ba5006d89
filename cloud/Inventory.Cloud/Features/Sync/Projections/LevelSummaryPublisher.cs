using System.Threading.Channels;
using Inventory.Cloud.Features.Sync.Feed;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync.Projections;

/// <summary>
/// The level-summaries projection's catch-up: the ledger projected into <c>level</c> rows of the feed, with
/// <c>sites.summaries_seq</c> as its progress cursor (the last ledger sequence number projected for the site;
/// <c>summaries_deferred</c> says the projection is behind). Catches other sites' view of a site's levels up after the site worked off a backlog: every pair its ledger
/// touched since the last catch-up (the range read with the site's row locked, so nothing is missed), written
/// to the feed in chunks. Asked for by a push after its commit: at the end of a backlog, and
/// at most every <see cref="BacklogInterval"/> during a long one. A sweep finds sites left deferred, by a
/// box that stopped mid-backlog or by an instance of the cloud that stopped before its turn.
/// </summary>
public sealed partial class LevelSummaryPublisher(
    NpgsqlDataSource dataSource, HybridLogicalClock clock, TimeProvider time, ILogger<LevelSummaryPublisher> logger) : BackgroundService
{
    /// <summary>How stale other sites' view of a site may get while it works off a backlog.</summary>
    public static readonly TimeSpan BacklogInterval = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private const int ChunkPairs = 10_000;

    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Request(string site) => _requests.Writer.TryWrite(site);

    /// <summary>Writes the site's deferred summaries now; how many pairs, or null when nothing was deferred.</summary>
    public async Task<int?> PublishAsync(string site, CancellationToken ct)
    {
        if (await RangeAsync(site, ct) is not { } range)
        {
            return null;
        }

        var pairs = await TouchedAsync(site, range, ct);
        var now = time.GetUtcNow();
        // Chunks, each in its own transaction: the feed's lock is held a moment per chunk, not for the whole
        // catch-up, so other sites' feed writes are not held up behind a big one.
        foreach (var chunk in pairs.Chunk(ChunkPairs))
        {
            await using var c = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await c.BeginTransactionAsync(ct);
            await FeedWriter.LockAsync(c, tx, ct);
            await LevelSummaries.WritePairsAsync(c, tx, site, chunk, clock.Next(), now, ct);
            await tx.CommitAsync(ct);
        }

        // Still deferred if a backlog push came in meanwhile: its movements are after the range. Pushes of a
        // steady site wrote their own pairs.
        await using (var command = dataSource.CreateCommand("""
            UPDATE sites SET summaries_seq = greatest(summaries_seq, $2), summaries_at = $3, summaries_deferred = backlog_pushes <> $4
            WHERE code = $1
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = site });
            command.Parameters.Add(new NpgsqlParameter { Value = range.UpTo });
            command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter { Value = range.BacklogPushes });
            await command.ExecuteNonQueryAsync(ct);
        }

        return pairs.Count;
    }

    /// <summary>Ledger seqs to catch up on (after what is published, up to the last one now) and the site's backlog pushes then.</summary>
    private sealed record Range(long After, long UpTo, long BacklogPushes);

    /// <summary>
    /// Read with the site's row locked, so no push of it is in flight: every movement of the site up to the
    /// ledger's last seq is committed, and any later one gets a higher seq.
    /// </summary>
    private async Task<Range?> RangeAsync(string site, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT summaries_seq, summaries_deferred, backlog_pushes FROM sites WHERE code = $1 FOR UPDATE", c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        long after, backlogPushes;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct) || !reader.GetBoolean(1))
            {
                return null;
            }

            (after, backlogPushes) = (reader.GetInt64(0), reader.GetInt64(2));
        }

        var upTo = await LevelSummaries.LastLedgerSeqAsync(c, tx, ct);
        await tx.CommitAsync(ct);
        return new Range(after, upTo, backlogPushes);
    }

    private async Task<List<(Guid ProductId, Guid LocationId)>> TouchedAsync(string site, Range range, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT product_id, location_id FROM stock_movements WHERE site_code = $1 AND seq > $2 AND seq <= $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = range.After });
        command.Parameters.Add(new NpgsqlParameter { Value = range.UpTo });
        command.CommandTimeout = 0;
        var pairs = new List<(Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pairs.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }

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
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Left deferred in the database: the next sweep takes it up again. Nothing here may stop the host.
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
