using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.Edge.Bench;

/// <summary>
/// The cloud's lot trace at scale: one lot with N movements across several sites (receipts at the first site,
/// transfers from it to the others, ships everywhere), COPYed straight into the cloud's PostgreSQL with the levels
/// they leave, then GET /api/lots/trace timed over HTTP as JSON and as CSV, several runs each.
/// </summary>
internal static class TraceCloudBench
{
    /// <summary>The goal: a lot with 100,000 downstream movements traced in at most this long.</summary>
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(1);

    private const string Lot = "RECALL-01";

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var movementCount = args.Int("movements", 100_000, 10, 10_000_000);
        var siteCount = args.Int("sites", 3, 2, 50);
        var runs = args.Int("runs", 5, 1, 1000);
        var seed = args.Int("seed", 42, 0, int.MaxValue);
        var password = args.Text("password") ?? BenchEdge.DefaultPassword;
        var keep = args.Flag("keep");
        args.RejectUnknown();

        Console.WriteLine("trace-cloud: GET /api/lots/trace in the cloud for a lot with many movements");
        Console.WriteLine();
        Machine.Print(null);
        await using var cloud = await BenchCloud.StartAsync(password, keep, cancellationToken);
        Console.WriteLine("Run");
        Console.WriteLine($"  cloud        in-process at {cloud.BaseAddress} (client and cloud share the CPUs), PostgreSQL database of its own");
        Console.WriteLine($"  lot          {Lot}: {movementCount:N0} movements over {siteCount} sites (2 locations each)");
        Console.WriteLine($"  calls        per format (json, csv): 1 warm-up, then {runs} timed, one at a time");
        Console.WriteLine();

        var setup = Stopwatch.StartNew();
        using var http = await cloud.SignInAsync(cancellationToken);
        var sites = new string[siteCount];
        for (var i = 0; i < siteCount; i++)
        {
            sites[i] = $"S{i + 1}";
            await cloud.AddSiteAsync(sites[i], cancellationToken);
        }

        var productId = (await SendAsync(http, HttpMethod.Post, "/api/products",
            new { sku = "TRACE-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), name = "Traced item", unit = "each" },
            HttpStatusCode.Created, cancellationToken)).GetProperty("id").GetGuid();
        var counts = await SeedAsync(cloud, productId, sites, movementCount, seed, cancellationToken);
        Console.WriteLine($"Setup: {siteCount} sites and 1 product over HTTP, {counts.Locations} locations, {movementCount:N0} movements " +
            $"({counts.Receipts:N0} receipts, {counts.Transfers:N0} transfers out and in, {counts.Ships:N0} ships) and {counts.Levels} levels " +
            $"by COPY in {setup.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine();

        var table = new Table("format", "runs", "median ms", "min ms", "max ms", "bytes", $"goal <= {Goal.TotalMilliseconds:0} ms");
        var met = true;
        foreach (var format in new[] { "json", "csv" })
        {
            var path = $"/api/lots/trace?productId={productId}&lot={Lot}{(format == "csv" ? "&format=csv" : "")}";
            Console.Write($"  {format}: warm-up… ");
            await GetAsync(http, path, cancellationToken);
            Console.Write($"{runs} timed… ");
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i < runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                bytes = await GetAsync(http, path, cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            times.Sort();
            var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
            var ok = times[^1] <= Goal.TotalMilliseconds;
            met &= ok;
            table.Add(format, runs.ToString(CultureInfo.InvariantCulture), Ms(median), Ms(times[0]), Ms(times[^1]), Machine.Int(bytes),
                ok ? "met" : "NOT MET");
            Console.WriteLine($"median {Ms(median)} ms");
        }

        Console.WriteLine();
        Console.WriteLine("Results (request sent to the last byte of the answer read, over loopback HTTP)");
        Console.Write(table);
        Console.WriteLine();
        Machine.PrintLoadAtEnd();
        return met ? 0 : 1;
    }

    private static string Ms(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The answer's length; anything but 200 stops the run.</summary>
    private static async Task<long> GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? body.Length
            : throw new BenchFailure($"GET {path}: {(int)response.StatusCode} {BenchEdge.Shorten(System.Text.Encoding.UTF8.GetString(body))}");
    }

    private static async Task<System.Text.Json.JsonElement> SendAsync(
        HttpClient http, HttpMethod method, string path, object body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = System.Net.Http.Json.JsonContent.Create(body, options: BenchEdge.Json) };
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == expected
            ? System.Text.Json.JsonDocument.Parse(text).RootElement.Clone()
            : throw new BenchFailure($"{method} {path}: {(int)response.StatusCode} {BenchEdge.Shorten(text)}");
    }

    private sealed record SeedCounts(int Locations, long Receipts, long Transfers, long Ships, int Levels);

    /// <summary>
    /// Locations (a warehouse and a store per site), then the movements by binary COPY in time order: receipts of 1,000 at
    /// the first site's warehouse whenever it runs low, transfers from it to another site's warehouse (out and in, same
    /// reference), ships of 1 to 5 at any location with stock; then the levels those leave (quantity > 0 only).
    /// </summary>
    private static async Task<SeedCounts> SeedAsync(
        BenchCloud cloud, Guid productId, string[] sites, int movementCount, int seed, CancellationToken cancellationToken)
    {
        await using var connection = await cloud.OpenAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var locations = new List<(Guid Id, string Site)>();
        foreach (var site in sites)
        {
            foreach (var (code, type) in new[] { ("WH", "warehouse"), ("ST", "store") })
            {
                var id = Guid.CreateVersion7();
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO locations (id, site_code, code, name, type, address, is_active, capacity, allow_negative, hlc, updated_at)
                    VALUES ($1, $2, $3, $4, $5, NULL, true, NULL, false, $6, $7)
                    """, connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = id });
                insert.Parameters.Add(new NpgsqlParameter { Value = site });
                insert.Parameters.Add(new NpgsqlParameter { Value = code + "-" + site });
                insert.Parameters.Add(new NpgsqlParameter { Value = $"{site} {type}" });
                insert.Parameters.Add(new NpgsqlParameter { Value = type });
                insert.Parameters.Add(new NpgsqlParameter { Value = "0" });
                insert.Parameters.Add(new NpgsqlParameter { Value = now });
                await insert.ExecuteNonQueryAsync(cancellationToken);
                locations.Add((id, site));
            }
        }

        var random = new Random(seed);
        var onHand = new long[locations.Count];
        var siteSeq = sites.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        var at = now.AddDays(-180);
        var step = TimeSpan.FromDays(179) / movementCount;
        long receipts = 0, transfers = 0, ships = 0, written = 0;
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY stock_movements (id, site_code, site_seq, type, product_id, location_id, bin, lot, expiry, quantity, reserved_delta,
                unit_cost, reason, note, reference_type, reference_id, user_id, device_id, occurred_at, recorded_at, applied_at)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            async Task WriteAsync(string type, int location, long quantity, string? referenceType, string? referenceId)
            {
                var (locationId, site) = locations[location];
                at += step;
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(site, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(++siteSeq[site], NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(type, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(productId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(locationId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync("", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(Lot, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync("2027-06-30", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(quantity, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(0L, NpgsqlDbType.Bigint, cancellationToken);
                if (type == "receive")
                {
                    await copy.WriteAsync(2.5m, NpgsqlDbType.Numeric, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }

                await copy.WriteNullAsync(cancellationToken);
                await copy.WriteNullAsync(cancellationToken);
                await Text(referenceType);
                await Text(referenceId);
                await copy.WriteNullAsync(cancellationToken);
                await copy.WriteNullAsync(cancellationToken);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                onHand[location] += quantity;
                written++;
            }

            async Task Text(string? value)
            {
                if (value is null)
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
                }
            }

            while (written < movementCount)
            {
                var roll = random.Next(100);
                if (onHand[0] < 50 || roll < 3)
                {
                    receipts++;
                    await WriteAsync("receive", 0, 1000, "purchase_order", null);
                }
                else if (roll < 23 && written + 2 <= movementCount)
                {
                    // To another site's warehouse (even index): out at the first, in at the other, one reference.
                    var to = 2 * random.Next(1, sites.Length);
                    var quantity = Math.Min(onHand[0], random.Next(5, 41));
                    var reference = Guid.CreateVersion7().ToString("D");
                    transfers++;
                    await WriteAsync("transfer_out", 0, -quantity, "transfer", reference);
                    await WriteAsync("transfer_in", to, quantity, "transfer", reference);
                }
                else
                {
                    // A ship at a location with stock (the first site's warehouse always has some).
                    var location = random.Next(locations.Count);
                    if (onHand[location] <= 0)
                    {
                        location = 0;
                    }

                    ships++;
                    await WriteAsync("ship", location, -Math.Min(onHand[location], random.Next(1, 6)), "sales_order", $"SO-{ships:D6}");
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var levels = 0;
        for (var i = 0; i < locations.Count; i++)
        {
            if (onHand[i] <= 0)
            {
                continue;
            }

            await using var level = new NpgsqlCommand("""
                INSERT INTO stock_levels (product_id, location_id, bin, lot, site_code, quantity, reserved, updated_at)
                VALUES ($1, $2, '', $3, $4, $5, 0, $6)
                """, connection);
            level.Parameters.Add(new NpgsqlParameter { Value = productId });
            level.Parameters.Add(new NpgsqlParameter { Value = locations[i].Id });
            level.Parameters.Add(new NpgsqlParameter { Value = Lot });
            level.Parameters.Add(new NpgsqlParameter { Value = locations[i].Site });
            level.Parameters.Add(new NpgsqlParameter { Value = onHand[i] });
            level.Parameters.Add(new NpgsqlParameter { Value = now });
            await level.ExecuteNonQueryAsync(cancellationToken);
            levels++;
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE stock_movements; ANALYZE stock_levels", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return new SeedCounts(locations.Count, receipts, transfers, ships, levels);
    }
}
