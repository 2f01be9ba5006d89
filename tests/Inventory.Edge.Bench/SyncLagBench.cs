using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Inventory.Edge.Bench;

/// <summary>
/// Replication lag under a steady load: an edge wired to the in-process cloud from the start takes movements
/// over HTTP at a fixed rate; afterwards each movement's lag is the cloud's applied_at minus the edge's
/// recorded_at, both from the cloud's ledger.
/// </summary>
internal static class SyncLagBench
{
    private const string Site = SyncBacklogBench.Site;
    private const double GoalSeconds = 2;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var rate = args.Int("rate", 500, 1, 20_000);
        var seconds = args.Seconds("seconds", 30, 1, 3600);
        var warmup = args.Seconds("warmup", 5, 0, 600);
        var productCount = args.Int("products", 200, 1, 100_000);
        var batch = args.Int("batch", 5000, 1, Inventory.Sync.SyncProtocol.MaxMovementsPerPush);
        var settings = EdgeSettings.From(args, allowRemote: false);
        args.RejectUnknown();
        if (warmup >= seconds)
        {
            throw new BenchUsageException("--warmup must be shorter than --seconds (it is the start of the run left out of the steady state).");
        }

        Console.WriteLine("sync-lag: replication lag of movements posted to an edge at a steady rate");
        Console.WriteLine();
        await using var cloud = await BenchCloud.StartAsync(settings.Password, settings.Keep, cancellationToken);
        var credential = await cloud.AddSiteAsync(Site, cancellationToken);
        await using var edge = await BenchEdge.StartAsync(settings, maxConnections: 64, cancellationToken, cloud.EdgeArgs(Site, credential, batch));
        Machine.Print(edge.DataDir);
        await TakeCloudAdminAsync(cloud, edge, cancellationToken);

        var location = await MovementsBench.CreateLocationAsync(edge, cancellationToken);
        var products = await MovementsBench.CreateProductsAsync(edge, productCount, cancellationToken);
        await SettledAsync(edge, TimeSpan.FromSeconds(120), cancellationToken);
        Console.WriteLine("Run");
        Console.WriteLine($"  cloud        in-process at {cloud.BaseAddress}; edge in-process at {edge.BaseAddress}, wired to it as site {Site}");
        Console.WriteLine($"  load         {rate:N0} POST /api/inventory/receive per second for {seconds:0.#} s, paced every {Tick.TotalMilliseconds:0} ms " +
            $"(quantity 1, random product of {productCount:N0}, 1 location); PushBatchSize {batch:N0}");
        Console.WriteLine($"  lag          cloud applied_at - edge recorded_at per movement; steady state leaves out the first {warmup:0.#} s");
        Console.WriteLine();

        Console.Write($"  load {seconds:0.#} s… ");
        var load = await LoadAsync(edge, products, location, rate, TimeSpan.FromSeconds(seconds), cancellationToken);
        Console.Write($"{load.Acknowledged:N0} acknowledged; waiting for the edge to push everything… ");
        var drain = Stopwatch.StartNew();
        await SettledAsync(edge, TimeSpan.FromSeconds(300), cancellationToken);
        Console.WriteLine($"pending 0 after {drain.Elapsed.TotalSeconds:0.00} s");
        Console.WriteLine();

        var (all, steady, inCloud) = await LagsAsync(cloud, load.StartedAt + TimeSpan.FromSeconds(warmup), cancellationToken);
        var edgeLatency = load.Latencies.Summarize();
        var table = new Table("movements", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var (label, summary) in new[] { ("all", all), ($"steady (after {warmup:0.#} s)", steady) })
        {
            table.Add(label, Machine.Int(summary.Count), Latencies.Summary.Ms(summary.P50), Latencies.Summary.Ms(summary.P95),
                Latencies.Summary.Ms(summary.P99), Latencies.Summary.Ms(summary.Max));
        }

        Console.WriteLine("Replication lag (cloud applied_at - edge recorded_at; applied_at is when the cloud began applying the push, its commit follows)");
        Console.Write(table);
        Console.WriteLine($"  offered {load.Sent:N0} ({load.Sent / seconds:N0}/s), acknowledged {load.Acknowledged:N0} ({load.Acknowledged / load.Elapsed.TotalSeconds:N0}/s), " +
            $"errors {load.Errors.Total:N0}; edge answer p50 {Latencies.Summary.Ms(edgeLatency.P50)} ms, p99 {Latencies.Summary.Ms(edgeLatency.P99)} ms");
        Console.WriteLine($"  pushes accepted by the cloud: {cloud.Pushes.Requests:N0} (cloud time in them {cloud.Pushes.Elapsed.TotalSeconds:0.00} s)");
        Console.WriteLine();
        load.Errors.Print();

        var complete = inCloud >= load.Acknowledged && inCloud <= load.Sent;
        Console.WriteLine($"Check: the cloud holds {inCloud:N0} movements for site {Site}; acknowledged by the edge {load.Acknowledged:N0}: " +
            (complete ? "every acknowledged movement arrived" : "MISSING MOVEMENTS"));
        var p99Met = steady.P99 <= GoalSeconds * 1000;
        var maxMet = steady.Max <= GoalSeconds * 1000;
        Console.WriteLine($"Goal: steady-state lag <= {GoalSeconds:0} s at {rate:N0}/s: p99 {(p99Met ? "met" : "NOT met")} ({steady.P99 / 1000:0.000} s), " +
            $"max {(maxMet ? "met" : "NOT met")} ({steady.Max / 1000:0.000} s)");
        Machine.PrintLoadAtEnd();
        return complete && load.Errors.Total == 0 ? 0 : 1;
    }

    /// <summary>
    /// The wired edge takes the cloud's accounts with its first pull, which retires its own bootstrap admin and the
    /// bench's session with it: wait for the cloud's admin to arrive, then sign in as that one (same password).
    /// </summary>
    private static async Task TakeCloudAdminAsync(BenchCloud cloud, BenchEdge edge, CancellationToken cancellationToken)
    {
        Guid adminId;
        await using (var pg = await cloud.OpenAsync(cancellationToken))
        {
            adminId = await BenchCloud.ScalarAsync<Guid>(pg, "SELECT id FROM users WHERE username = 'admin'", cancellationToken);
        }

        var deadline = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        await using var sqlite = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken);
        await using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT count(*) FROM users WHERE id = $id AND is_active = 1";
        command.Parameters.AddWithValue("$id", adminId.ToString("D"));
        while (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new BenchFailure("The cloud's admin did not reach the edge within 60 s " +
                    $"(edge's last sync error: {await SyncBacklogBench.LastErrorAsync(edge, cancellationToken) ?? "none"}).");
            }

            await Task.Delay(100, cancellationToken);
        }

        await edge.SignInAsync(cancellationToken);
    }

    private static async Task SettledAsync(BenchEdge edge, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var status = await edge.SendAsync(HttpMethod.Get, "/api/sync/status", null, HttpStatusCode.OK, cancellationToken);
            if (status.GetProperty("pendingChanges").GetInt64() == 0)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(start) > timeout)
            {
                throw new BenchFailure($"The edge still had {status.GetProperty("pendingChanges").GetInt64():N0} changes to push after {timeout.TotalSeconds:0} s " +
                    $"(last error: {(status.TryGetProperty("lastError", out var e) ? e.ToString() : "none")}).");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private sealed record LoadResult(DateTimeOffset StartedAt, long Sent, long Acknowledged, Latencies Latencies, ErrorLog Errors, TimeSpan Elapsed);

    /// <summary>
    /// Every tick sends what the schedule says is due by now (rate × elapsed, less what was sent), each request on
    /// its own task, so a slow answer never holds back the next ones and timer drift does not lower the rate.
    /// </summary>
    private static async Task<LoadResult> LoadAsync(
        BenchEdge edge, string[] products, string location, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var errors = new ErrorLog();
        var latencies = new Latencies((int)Math.Min(1_000_000, rate * duration.TotalSeconds));
        var gate = new Lock();
        long acknowledged = 0;
        var inFlight = new List<Task>();
        var startedAt = DateTimeOffset.UtcNow;
        var start = Stopwatch.GetTimestamp();
        long sent = 0;
        using var timer = new PeriodicTimer(Tick);
        do
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            var due = (long)(rate * Math.Min(elapsed.TotalSeconds, duration.TotalSeconds));
            for (; sent < due; sent++)
            {
                inFlight.Add(SendAsync(products[Random.Shared.Next(products.Length)]));
            }

            if (elapsed >= duration)
            {
                break;
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));

        await Task.WhenAll(inFlight);
        return new LoadResult(startedAt, sent, acknowledged, latencies, errors, Stopwatch.GetElapsedTime(start));

        async Task SendAsync(string product)
        {
            var body = $$"""{"id":"{{Guid.CreateVersion7()}}","productId":"{{product}}","locationId":"{{location}}","quantity":1,"unitCost":1.0}""";
            var sentAt = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await edge.Http.PostAsync("/api/inventory/receive", content, cancellationToken);
                var answer = await response.Content.ReadAsStringAsync(cancellationToken);
                var answeredAt = Stopwatch.GetTimestamp();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref acknowledged);
                    lock (gate)
                    {
                        latencies.Add(sentAt, answeredAt);
                    }
                }
                else
                {
                    errors.Record("load", $"{(int)response.StatusCode} receive", answer);
                }
            }
            catch (HttpRequestException ex)
            {
                errors.Record("load", "request failed", ex.Message);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                errors.Record("load", "timed out", ex.Message);
            }
        }
    }

    /// <summary>Lag of every movement of the site in the cloud, in ms; the steady ones are those recorded from <paramref name="steadyFrom"/>.</summary>
    private static async Task<(Latencies.Summary All, Latencies.Summary Steady, long Count)> LagsAsync(
        BenchCloud cloud, DateTimeOffset steadyFrom, CancellationToken cancellationToken)
    {
        await using var pg = await cloud.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT extract(epoch FROM applied_at - recorded_at)::float8 * 1000, recorded_at >= $2 FROM stock_movements WHERE site_code = $1", pg);
        command.Parameters.Add(new NpgsqlParameter { Value = Site });
        command.Parameters.Add(new NpgsqlParameter { Value = steadyFrom.ToUniversalTime() });
        var all = new Latencies(65_536);
        var steady = new Latencies(65_536);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            all.AddMs(r.GetDouble(0));
            if (r.GetBoolean(1))
            {
                steady.AddMs(r.GetDouble(0));
            }
        }

        return (all.Summarize(), steady.Summarize(), all.Count);
    }
}
