using System.Diagnostics;
using Inventory.Edge.Features.Sync;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inventory.Edge.Bench;

/// <summary>
/// Catch-up after a long offline spell: a standalone edge gets a seeded ledger (straight into SQLite, as the
/// valuation benchmark does), then an edge on the same data dir is started wired to the in-process cloud, and
/// the run is timed from its start until the cloud's cursor for the site reaches the edge's last seq.
/// </summary>
internal static class SyncBacklogBench
{
    public const string Site = "BENCH";
    private const double GoalPerSecond = 35_000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var movementCount = args.Int("movements", 1_000_000, 10, 50_000_000);
        var productCount = args.Int("products", 200_000, 10, Catalog.MaxProducts);
        var batch = args.Int("batch", 5000, 1, Inventory.Sync.SyncProtocol.MaxMovementsPerPush);
        var seed = args.Int("seed", 42, 0, int.MaxValue);
        var timeout = TimeSpan.FromSeconds(args.Seconds("timeout", 600, 10, 86_400));
        var settings = EdgeSettings.From(args, allowRemote: false);
        args.RejectUnknown();

        Console.WriteLine("sync-backlog: an edge's backlog pushed to the cloud after an offline spell");
        Console.WriteLine();
        await using var cloud = await BenchCloud.StartAsync(settings.Password, settings.Keep, cancellationToken);
        var credential = await cloud.AddSiteAsync(Site, cancellationToken);

        // 1. The backlog, written while the box has no cloud settings (nothing can be pushed yet).
        string dataDir;
        Backlog backlog;
        var seeding = Stopwatch.StartNew();
        await using (var standalone = await BenchEdge.StartAsync(
            settings with { Keep = true }, maxConnections: 2, cancellationToken, [$"--Inventory:Site:Code={Site}"]))
        {
            dataDir = standalone.DataDir!;
            Machine.Print(dataDir);
            var locations = await LedgerSeed.CreateLocationsAsync(standalone, "SB", cancellationToken);
            var products = Catalog.Generate(productCount, seed).ToArray();
            await LedgerSeed.SeedAsync(standalone, products, locations, movementCount, seed, cancellationToken);
            backlog = await BacklogAsync(standalone, cancellationToken);
        }

        Console.WriteLine("Run");
        Console.WriteLine($"  cloud        in-process at {cloud.BaseAddress}, PostgreSQL database {new NpgsqlConnectionStringBuilder(cloud.ConnectionString).Database}");
        Console.WriteLine($"  backlog      {backlog.Movements:N0} movements (seq 1..{backlog.MaxSeq:N0}) over {productCount:N0} products and 2 locations, " +
            $"seeded straight into SQLite by a standalone edge in {seeding.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"  push         PushBatchSize {batch:N0}; edge, cloud and PostgreSQL share this machine's CPUs");
        Console.WriteLine();

        // 2. The same box, now wired to the cloud: timed from its start to the cloud's cursor at the last seq.
        await using var cursor = await cloud.OpenAsync(cancellationToken);
        var start = Stopwatch.GetTimestamp();
        BenchEdge wired;
        try
        {
            wired = await BenchEdge.StartAsync(settings, maxConnections: 2, cancellationToken, cloud.EdgeArgs(Site, credential, batch), dataDir);
        }
        catch when (!settings.Keep)
        {
            TryDelete(dataDir);
            throw;
        }

        await using (wired)
        {
            var startedIn = Stopwatch.GetElapsedTime(start);
            Console.Write($"  edge started in {startedIn.TotalSeconds:0.00} s; pushing");
            var nextReport = TimeSpan.FromSeconds(5);
            long acknowledged;
            while (true)
            {
                acknowledged = await BenchCloud.ScalarAsync<long>(
                    cursor, "SELECT movements_cursor FROM sites WHERE code = $1", cancellationToken, Site);
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (acknowledged >= backlog.MaxSeq)
                {
                    break;
                }

                if (elapsed > timeout)
                {
                    Console.WriteLine();
                    throw new BenchFailure($"The cloud acknowledged seq {acknowledged:N0} of {backlog.MaxSeq:N0} after {elapsed.TotalSeconds:0} s " +
                        $"(edge's last error: {await LastErrorAsync(wired, cancellationToken) ?? "none"}).");
                }

                if (elapsed >= nextReport)
                {
                    Console.Write($"… {elapsed.TotalSeconds:0} s: {acknowledged:N0}");
                    nextReport += TimeSpan.FromSeconds(5);
                }

                await Task.Delay(Poll, cancellationToken);
            }

            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var perSecond = backlog.Movements / seconds;
            Console.WriteLine($"… done in {seconds:0.0} s");
            var summaries = await SummariesCaughtUpAsync(cursor, timeout, cancellationToken);
            Console.WriteLine($"  other sites' view of the site's levels (the publisher's catch-up after the backlog) complete {summaries.TotalSeconds:0.0} s later");
            Console.WriteLine();

            var pushes = cloud.Pushes;
            var (readTime, readBatches, gzipBytes) = await ReadBacklogAsync(wired, backlog.MaxSeq, batch, cancellationToken);
            Console.WriteLine("Results");
            Console.WriteLine($"  movements        {backlog.Movements:N0}");
            Console.WriteLine($"  seconds          {seconds:0.00} (from the wired edge's start, {startedIn.TotalSeconds:0.00} s of start-up included, " +
                $"to the cloud's movements_cursor at {backlog.MaxSeq:N0}; polled every {Poll.TotalMilliseconds:0} ms)");
            Console.WriteLine($"  movements/s      {perSecond:N0}");
            Console.WriteLine($"  pushes           {pushes.Requests:N0} accepted; the cloud spent {pushes.Elapsed.TotalSeconds:0.00} s in them " +
                $"({(pushes.Requests > 0 ? pushes.Elapsed.TotalMilliseconds / pushes.Requests : 0):0} ms each: gunzip, parse, validate, COPY, insert, levels, feed, commit)");
            Console.WriteLine($"  edge side        {readTime.TotalSeconds:0.00} s to read, serialize and gzip the same {readBatches:N0} batches with the edge's PushReader " +
                $"(after the run, alone; {gzipBytes / 1048576.0:0.0} MB gzipped, {gzipBytes / (double)backlog.Movements:0} bytes per movement)");
            Console.WriteLine("                   The edge reads the next batch while one is on the wire, so the two overlap (on shared CPUs).");
            Console.WriteLine();
            var goalMet = perSecond >= GoalPerSecond && (backlog.Movements < 1_000_000 || seconds * 1_000_000 / backlog.Movements < 30);
            Console.WriteLine($"Goal: >= {GoalPerSecond:N0} movements/s (1,000,000 in under 30 s): {(goalMet ? "met" : "NOT met")} ({perSecond:N0}/s)");
            Console.WriteLine();

            var consistent = await CheckAsync(cloud, wired, backlog, cancellationToken);
            Machine.PrintLoadAtEnd();
            return consistent ? 0 : 1;
        }
    }

    private sealed record Backlog(long Movements, long MaxSeq);

    /// <summary>How long after the last acknowledgement the level summaries for other sites were all in the feed.</summary>
    private static async Task<TimeSpan> SummariesCaughtUpAsync(NpgsqlConnection cursor, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        while (await BenchCloud.ScalarAsync<bool>(cursor, "SELECT summaries_deferred FROM sites WHERE code = $1", cancellationToken, Site))
        {
            if (Stopwatch.GetElapsedTime(start) > timeout)
            {
                throw new BenchFailure("The level summaries were not caught up in time.");
            }

            await Task.Delay(Poll, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(start);
    }

    private static async Task<Backlog> BacklogAsync(BenchEdge edge, CancellationToken cancellationToken)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), coalesce(max(seq), 0) FROM stock_movements";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Backlog(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The edge's side alone: its own PushReader over the whole backlog, batch after batch, nothing sent.</summary>
    private static async Task<(TimeSpan Elapsed, int Batches, long Bytes)> ReadBacklogAsync(
        BenchEdge edge, long maxSeq, int batch, CancellationToken cancellationToken)
    {
        var reader = edge.Services.GetRequiredService<PushReader>();
        var start = Stopwatch.GetTimestamp();
        long after = 0;
        long bytes = 0;
        var batches = 0;
        while (after < maxSeq)
        {
            // Outbox rows after long.MaxValue: none, so only movements are read, as in a backlog.
            var push = await reader.ReadAsync(Site, after, long.MaxValue, batch, cancellationToken);
            if (push.Movements == 0)
            {
                break;
            }

            after = push.MovementsUpTo;
            bytes += push.Body.Length;
            batches++;
        }

        return (Stopwatch.GetElapsedTime(start), batches, bytes);
    }

    /// <summary>
    /// The cloud must hold exactly the edge's movements for the site, and per location (and per product and
    /// location) the cloud's ledger sums and its level projection must equal the edge's levels.
    /// </summary>
    private static async Task<bool> CheckAsync(BenchCloud cloud, BenchEdge edge, Backlog backlog, CancellationToken cancellationToken)
    {
        await using var pg = await cloud.OpenAsync(cancellationToken);
        var cloudCount = await BenchCloud.ScalarAsync<long>(pg, "SELECT count(*) FROM stock_movements WHERE site_code = $1", cancellationToken, Site);
        var cloudLedger = await CloudSumsAsync(pg, "SELECT product_id, location_id, sum(quantity)::bigint FROM stock_movements WHERE site_code = $1 GROUP BY 1, 2", cancellationToken);
        var cloudLevels = await CloudSumsAsync(pg, "SELECT product_id, location_id, sum(quantity)::bigint FROM stock_levels WHERE site_code = $1 GROUP BY 1, 2", cancellationToken);
        // What other sites see: the level summaries in the feed.
        var feedLevels = await CloudSumsAsync(pg, """
            SELECT (data->>'productId')::uuid, (data->>'locationId')::uuid, (data->>'quantity')::bigint
            FROM change_feed WHERE kind = 'level' AND origin_site = $1
            """, cancellationToken);

        var edgeLevels = new Dictionary<(Guid, Guid), long>();
        var locationCodes = new Dictionary<Guid, string>();
        await using (var sqlite = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken))
        {
            await using var levels = sqlite.CreateCommand();
            levels.CommandText = "SELECT product_id, location_id, sum(quantity) FROM stock_levels GROUP BY product_id, location_id";
            await using (var r = await levels.ExecuteReaderAsync(cancellationToken))
            {
                while (await r.ReadAsync(cancellationToken))
                {
                    edgeLevels[(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)))] = r.GetInt64(2);
                }
            }

            await using var codes = sqlite.CreateCommand();
            codes.CommandText = "SELECT id, code FROM locations";
            await using var c = await codes.ExecuteReaderAsync(cancellationToken);
            while (await c.ReadAsync(cancellationToken))
            {
                locationCodes[Guid.Parse(c.GetString(0))] = c.GetString(1);
            }
        }

        var table = new Table("location", "edge levels", "cloud ledger", "cloud levels", "equal");
        var ok = cloudCount == backlog.Movements;
        foreach (var location in edgeLevels.Keys.Select(k => k.Item2).Concat(cloudLedger.Keys.Select(k => k.Item2)).Distinct().OrderBy(l => l))
        {
            static long Sum(Dictionary<(Guid, Guid), long> sums, Guid location) => sums.Where(kv => kv.Key.Item2 == location).Sum(kv => kv.Value);
            var (e, l, v) = (Sum(edgeLevels, location), Sum(cloudLedger, location), Sum(cloudLevels, location));
            ok &= e == l && l == v;
            table.Add(locationCodes.GetValueOrDefault(location, location.ToString()), Machine.Int(e), Machine.Int(l), Machine.Int(v), e == l && l == v ? "yes" : "NO");
        }

        var differing = edgeLevels.Keys.Union(cloudLedger.Keys).Union(cloudLevels.Keys)
            .Count(k => edgeLevels.GetValueOrDefault(k) != cloudLedger.GetValueOrDefault(k) || cloudLedger.GetValueOrDefault(k) != cloudLevels.GetValueOrDefault(k));
        ok &= differing == 0;
        var feedDiffering = cloudLevels.Keys.Union(feedLevels.Keys).Count(k => cloudLevels.GetValueOrDefault(k) != feedLevels.GetValueOrDefault(k));
        ok &= feedDiffering == 0;

        Console.WriteLine("Check (cloud's PostgreSQL against the edge's SQLite after the run)");
        Console.WriteLine($"  movements for site {Site} in the cloud: {cloudCount:N0} (the edge has {backlog.Movements:N0}): {(cloudCount == backlog.Movements ? "equal" : "DIFFERENT")}");
        Console.Write(table);
        Console.WriteLine($"  per product and location ({edgeLevels.Count:N0} edge levels): {(differing == 0 ? "all equal" : $"{differing:N0} DIFFER")}");
        Console.WriteLine($"  level summaries other sites see ({feedLevels.Count:N0} in the feed): {(feedDiffering == 0 ? "all equal to the cloud's levels" : $"{feedDiffering:N0} DIFFER")}");
        Console.WriteLine();
        return ok;
    }

    private static async Task<Dictionary<(Guid, Guid), long>> CloudSumsAsync(NpgsqlConnection pg, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, pg) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter { Value = Site });
        var sums = new Dictionary<(Guid, Guid), long>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            sums[(r.GetGuid(0), r.GetGuid(1))] = r.GetInt64(2);
        }

        return sums;
    }

    internal static async Task<string?> LastErrorAsync(BenchEdge edge, CancellationToken cancellationToken)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_error FROM sync_state WHERE id = 1";
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static void TryDelete(string dataDir)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
