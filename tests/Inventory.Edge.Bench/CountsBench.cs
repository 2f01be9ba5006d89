using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Bench;

/// <summary>
/// Cycle counting at the size of a real location: P products × B bins of stock (20,000 product-bins by default) seeded
/// straight into the in-process edge's SQLite file (ledger and levels agree), then times
/// (1) POST /api/cycle-counts over the whole location (the count and its lines, expected read under the write lock),
/// (2) its count sheet as PDF and as CSV, and (3) C handhelds counting every line at full speed, one scan each
/// (POST /api/scan with the count's id, the bin and the product's barcode), reporting scans/s and latency; then checks
/// every line holds its figure.
/// </summary>
internal static class CountsBench
{
    private const int PerBin = 5;

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var productCount = args.Int("products", 2000, 1, 100_000);
        var bins = args.Int("bins", 10, 1, 100);
        var clients = args.Int("clients", 16, 1, 256);
        var seed = args.Int("seed", 42, 0, int.MaxValue);
        var settings = EdgeSettings.From(args, allowRemote: false);
        args.RejectUnknown();

        await using var edge = await BenchEdge.StartAsync(settings, clients, cancellationToken);
        Console.WriteLine("counts: a cycle count of a whole location, its sheet, and handhelds counting it");
        Console.WriteLine();
        Machine.Print(edge.DataDir);
        Console.WriteLine("Run");
        Console.WriteLine($"  edge         in-process (client and edge share the CPUs) at {edge.BaseAddress}");
        Console.WriteLine($"  location     {productCount:N0} products × {bins} bins = {productCount * bins:N0} product-bins, {PerBin} units each");
        Console.WriteLine($"  handhelds    {clients}, each scan one line (bin + barcode + quantity), blind count");
        Console.WriteLine();

        var setup = Stopwatch.StartNew();
        var locationCode = "CNT" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var location = (await edge.SendAsync(HttpMethod.Post, "/api/locations", new { code = locationCode, name = "Count bench", type = "warehouse" },
            HttpStatusCode.Created, cancellationToken)).GetProperty("id").GetGuid();
        var products = Catalog.Generate(productCount, seed).ToArray();
        var barcodes = await SeedAsync(edge, products, location, bins, cancellationToken);
        Console.WriteLine($"Setup: {products.Length:N0} products and {products.Length * bins:N0} levels seeded in {setup.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine();

        var create = Stopwatch.StartNew();
        var count = await edge.SendAsync(HttpMethod.Post, "/api/cycle-counts", new { locationId = location, blind = true },
            HttpStatusCode.Created, cancellationToken, slow: true);
        var createMs = create.Elapsed.TotalMilliseconds;
        var countId = count.GetProperty("id").GetGuid();
        var lines = count.GetProperty("lines").EnumerateArray()
            .Select(l => (Bin: l.GetProperty("bin").GetString() ?? "", ProductId: l.GetProperty("productId").GetGuid()))
            .ToArray();
        if (lines.Length != products.Length * bins)
        {
            throw new BenchFailure($"The count has {lines.Length:N0} lines, expected {products.Length * bins:N0}.");
        }

        var pdfMs = await TimeAsync(edge, $"/api/cycle-counts/{countId}/sheet?format=pdf", cancellationToken);
        var csvMs = await TimeAsync(edge, $"/api/cycle-counts/{countId}/sheet?format=csv", cancellationToken);

        var scans = lines.Select(l => (l.Bin, Barcode: barcodes[l.ProductId])).ToArray();
        new Random(seed + 1).Shuffle(scans);
        var next = -1;
        var errors = new ErrorLog();
        var start = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var latencies = new Latencies(scans.Length / clients + 1);
            var ok = 0;
            int i;
            while ((i = Interlocked.Increment(ref next)) < scans.Length && !cancellationToken.IsCancellationRequested)
            {
                var scan = scans[i];
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await edge.Http.PostAsJsonAsync("/api/scan",
                        new { id = Guid.CreateVersion7(), code = scan.Barcode, action = "count", location = locationCode, bin = scan.Bin, qty = PerBin, cycleCountId = countId },
                        BenchEdge.Json, cancellationToken);
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                    latencies.Add(sent, Stopwatch.GetTimestamp());
                    if (response.StatusCode == HttpStatusCode.OK && body.GetProperty("ok").GetBoolean())
                    {
                        ok++;
                    }
                    else
                    {
                        errors.Record("timed", $"{(int)response.StatusCode}", body.TryGetProperty("message", out var m) ? m.GetString() ?? "" : body.ToString());
                    }
                }
                catch (HttpRequestException ex)
                {
                    errors.Record("timed", "transport", ex.Message);
                }
            }

            return (ok, latencies);
        }, CancellationToken.None)));
        var elapsed = Stopwatch.GetElapsedTime(start);
        cancellationToken.ThrowIfCancellationRequested();

        var acknowledged = results.Sum(r => r.ok);
        var latency = Latencies.Merge(results.Select(r => r.latencies)).Summarize();
        var steps = new Table("step", "ms", "goal");
        steps.Add("create count", createMs.ToString("N0", CultureInfo.InvariantCulture), createMs <= 1000 ? "<= 1,000 met" : "<= 1,000 NOT MET");
        steps.Add("sheet pdf", pdfMs.ToString("N0", CultureInfo.InvariantCulture), pdfMs <= 5000 ? "<= 5,000 met" : "<= 5,000 NOT MET");
        steps.Add("sheet csv", csvMs.ToString("N0", CultureInfo.InvariantCulture), "-");
        Console.WriteLine($"Results: a count of {lines.Length:N0} lines");
        Console.Write(steps);
        Console.WriteLine();
        var table = new Table("handhelds", "scans", "scans/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
        table.Add(clients.ToString(CultureInfo.InvariantCulture), Machine.Int(acknowledged),
            (acknowledged / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture),
            Latencies.Summary.Ms(latency.P50), Latencies.Summary.Ms(latency.P95), Latencies.Summary.Ms(latency.P99), Latencies.Summary.Ms(latency.Max),
            Machine.Int(errors.Total));
        Console.WriteLine("Counting by scan (latency of each scan, send to last byte of the answer)");
        Console.Write(table);
        Console.WriteLine();
        errors.Print();

        var consistent = await CheckAsync(edge, countId, lines.Length, cancellationToken);
        Machine.PrintLoadAtEnd();
        return consistent && errors.Total == 0 ? 0 : 1;
    }

    private static async Task<double> TimeAsync(BenchEdge edge, string path, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var response = await edge.SlowHttp.GetAsync(path, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || bytes.Length == 0)
        {
            throw new BenchFailure($"GET {path}: {(int)response.StatusCode}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Every line counted exactly once with the figure scanned (read straight from the box's database).</summary>
    private static async Task<bool> CheckAsync(BenchEdge edge, Guid countId, int expectedLines, CancellationToken cancellationToken)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), sum(counted = $n) FROM cycle_count_lines WHERE count_id = $id";
        command.Parameters.AddWithValue("$id", countId.ToString("D"));
        command.Parameters.AddWithValue("$n", PerBin);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (lines, right) = (reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1));
        var ok = lines == expectedLines && right == expectedLines;
        Console.WriteLine(ok
            ? $"Check: all {lines:N0} lines counted {PerBin}, no line added."
            : $"Check FAILED: {lines:N0} lines (expected {expectedLines:N0}), {right:N0} with the scanned figure.");
        return ok;
    }

    /// <summary>Products with a barcode each, and per product one receipt and one level in each bin; returns barcode per product.</summary>
    private static async Task<Dictionary<Guid, string>> SeedAsync(
        BenchEdge edge, GeneratedProduct[] products, Guid location, int bins, CancellationToken cancellationToken)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var product = SqliteSeed.Command(connection, transaction, """
            INSERT INTO products (id, sku, name, unit, cost_price, is_active, version, created_at, updated_at)
            VALUES ($id, $sku, $name, 'each', '1.0', 1, 1, $at, $at)
            """, "$id", "$sku", "$name", "$at");
        using var barcode = SqliteSeed.Command(connection, transaction,
            "INSERT INTO product_barcodes (code, product_id, kind, pack_quantity) VALUES ($code, $product, 'unit', 1)", "$code", "$product");
        using var movement = SqliteSeed.Command(connection, transaction, """
            INSERT INTO stock_movements (id, type, product_id, location_id, bin, lot, expiry, quantity, reserved_delta,
                unit_cost, reason, note, reference_type, reference_id, user_id, device_id, occurred_at, recorded_at)
            VALUES ($id, 'receive', $product, $location, $bin, '', NULL, $quantity, 0, '1.0', NULL, NULL, NULL, NULL, NULL, NULL, $at, $at)
            """, "$id", "$product", "$location", "$bin", "$quantity", "$at");
        using var level = SqliteSeed.Command(connection, transaction, """
            INSERT INTO stock_levels (product_id, location_id, bin, lot, expiry, quantity, reserved, version, last_counted_at, updated_at)
            VALUES ($product, $location, $bin, '', NULL, $quantity, 0, 1, NULL, $at)
            """, "$product", "$location", "$bin", "$quantity", "$at");
        var codes = new Dictionary<Guid, string>(products.Length);
        foreach (var p in products)
        {
            var id = p.Id;
            codes[id] = p.Barcode;
            SqliteSeed.Run(product, id.ToString("D"), p.Sku, p.Name, at);
            SqliteSeed.Run(barcode, p.Barcode, id.ToString("D"));
            for (var b = 0; b < bins; b++)
            {
                var bin = $"A{b / 10 + 1:D2}-R{b % 10 + 1:D2}-S01";
                SqliteSeed.Run(movement, Guid.CreateVersion7().ToString("D"), id.ToString("D"), location.ToString("D"), bin, PerBin, at);
                SqliteSeed.Run(level, id.ToString("D"), location.ToString("D"), bin, PerBin, at);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return codes;
    }
}
