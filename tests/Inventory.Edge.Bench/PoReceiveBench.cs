using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Bench;

/// <summary>
/// Receiving against purchase orders through POST /api/scan: N POs of M lines (a product each) are seeded straight
/// into the in-process edge's SQLite file; C clients then scan every line once (its EAN-13, the PO's number, the
/// ordered quantity), each receipt checked against the supplier's tolerance inside the ledger writer. Reports
/// receipts/s and latency, then checks that the ledger holds exactly one receipt per line and every PO is received.
/// </summary>
internal static class PoReceiveBench
{
    private const int LineQuantity = 10;

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var orderCount = args.Int("orders", 1000, 1, 100_000);
        var linesPerOrder = args.Int("lines", 20, 1, 200);
        var clients = args.Int("clients", 16, 1, 1024);
        var seed = args.Int("seed", 42, 0, int.MaxValue);
        var settings = EdgeSettings.From(args, allowRemote: false);
        args.RejectUnknown();
        if ((long)orderCount * linesPerOrder > Catalog.MaxProducts)
        {
            throw new BenchUsageException($"At most {Catalog.MaxProducts:N0} lines in all (one product each).");
        }

        await using var edge = await BenchEdge.StartAsync(settings, clients, cancellationToken);
        Console.WriteLine("po-receive: receiving against purchase orders through /api/scan");
        Console.WriteLine();
        Machine.Print(edge.DataDir);
        Console.WriteLine("Run");
        Console.WriteLine($"  edge         in-process (client and edge share the CPUs) at {edge.BaseAddress}");
        Console.WriteLine($"  MaxBatch     {edge.MaxBatchDescription(settings)}");
        Console.WriteLine($"  workload     {orderCount:N0} POs × {linesPerOrder} lines, each line scanned once (qty {LineQuantity}) by {clients} clients, PO tolerance 2 %");
        Console.WriteLine();

        var setup = Stopwatch.StartNew();
        var locationCode = "POB" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var location = (await edge.SendAsync(HttpMethod.Post, "/api/locations", new { code = locationCode, name = "PO bench", type = "warehouse" },
            HttpStatusCode.Created, cancellationToken)).GetProperty("id").GetGuid();
        var products = Catalog.Generate(orderCount * linesPerOrder, seed).ToArray();
        await SeedProductsAsync(edge, products, cancellationToken);
        var scans = await SeedOrdersAsync(edge, products, orderCount, linesPerOrder, location, cancellationToken);
        Console.WriteLine($"Setup: {products.Length:N0} products and {orderCount:N0} POs seeded in {setup.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine();

        // Scans in a shuffled order, so clients work on many POs at once as a dock's scanners would.
        new Random(seed + 1).Shuffle(scans);
        var before = await StatsAsync(edge, cancellationToken);
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
                        new { id = Guid.CreateVersion7(), code = scan.Barcode, action = "receive", purchaseOrder = scan.Number, qty = LineQuantity },
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
        var after = await StatsAsync(edge, cancellationToken);

        var acknowledged = results.Sum(r => r.ok);
        var latency = Latencies.Merge(results.Select(r => r.latencies)).Summarize();
        var commits = after.Commits - before.Commits;
        var table = new Table("clients", "receipts", "receipts/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "req/commit");
        table.Add(clients.ToString(CultureInfo.InvariantCulture), Machine.Int(acknowledged),
            (acknowledged / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture),
            Latencies.Summary.Ms(latency.P50), Latencies.Summary.Ms(latency.P95), Latencies.Summary.Ms(latency.P99), Latencies.Summary.Ms(latency.Max),
            Machine.Int(errors.Total),
            commits > 0 ? ((double)(after.Requests - before.Requests) / commits).ToString("0.0", CultureInfo.InvariantCulture) : "-");
        Console.WriteLine("Results (latency of each scan, send to last byte of the answer)");
        Console.Write(table);
        Console.WriteLine();
        errors.Print();

        var consistent = await CheckAsync(edge, scans.Length, location, cancellationToken);
        Machine.PrintLoadAtEnd();
        return consistent && errors.Total == 0 ? 0 : 1;
    }

    private sealed record Scan(string Number, string Barcode);

    private static async Task SeedProductsAsync(BenchEdge edge, GeneratedProduct[] products, CancellationToken cancellationToken)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var product = connection.CreateCommand();
        product.Transaction = transaction;
        product.CommandText = """
            INSERT INTO products (id, sku, name, unit, cost_price, is_active, version, created_at, updated_at)
            VALUES ($id, $sku, $name, 'each', '1.0', 1, 1, $at, $at)
            """;
        var id = product.Parameters.Add("$id", SqliteType.Text);
        var sku = product.Parameters.Add("$sku", SqliteType.Text);
        var name = product.Parameters.Add("$name", SqliteType.Text);
        product.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await using var barcode = connection.CreateCommand();
        barcode.Transaction = transaction;
        barcode.CommandText = "INSERT INTO product_barcodes (code, product_id, kind, pack_quantity) VALUES ($code, $product, 'unit', 1)";
        var code = barcode.Parameters.Add("$code", SqliteType.Text);
        var owner = barcode.Parameters.Add("$product", SqliteType.Text);
        foreach (var p in products)
        {
            id.Value = p.Id.ToString("D");
            sku.Value = p.Sku;
            name.Value = p.Name;
            product.ExecuteNonQuery();
            code.Value = p.Barcode;
            owner.Value = id.Value;
            barcode.ExecuteNonQuery();
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Scan[]> SeedOrdersAsync(
        BenchEdge edge, GeneratedProduct[] products, int orderCount, int linesPerOrder, Guid location, CancellationToken cancellationToken)
    {
        using var scope = edge.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
        var site = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EdgeOptions>>().Value.Site.Code;
        var now = DateTimeOffset.UtcNow;
        var supplier = new Supplier { Id = Guid.CreateVersion7(), Code = "BENCH", Name = "Bench supplier", OverReceiptTolerancePercent = 2m, CreatedAt = now, UpdatedAt = now };
        db.Suppliers.Add(supplier);
        var scans = new List<Scan>(orderCount * linesPerOrder);
        for (var o = 0; o < orderCount; o++)
        {
            var order = new PurchaseOrder
            {
                Id = Guid.CreateVersion7(), Number = PurchaseOrderNumber.Format(site, o + 1), SupplierId = supplier.Id, LocationId = location,
                SiteCode = site, SentAt = now, CreatedAt = now, UpdatedAt = now,
            };
            for (var l = 0; l < linesPerOrder; l++)
            {
                var product = products[(o * linesPerOrder) + l];
                order.Lines.Add(new PurchaseOrderLine
                {
                    Id = Guid.CreateVersion7(), PurchaseOrderId = order.Id, LineNumber = l + 1, ProductId = product.Id, Quantity = LineQuantity, UnitPrice = 1.25m,
                });
                scans.Add(new Scan(order.Number, product.Barcode));
            }

            db.PurchaseOrders.Add(order);
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. scans];
    }

    private static async Task<(long Commits, long Requests)> StatsAsync(BenchEdge edge, CancellationToken cancellationToken)
    {
        var stats = await edge.SendAsync(HttpMethod.Get, "/api/ledger/stats", null, HttpStatusCode.OK, cancellationToken);
        return (stats.GetProperty("commits").GetInt64(), stats.GetProperty("requests").GetInt64());
    }

    /// <summary>One receipt movement per line, the whole ordered quantity on hand, and the levels matching the ledger.</summary>
    private static async Task<bool> CheckAsync(BenchEdge edge, int lines, Guid location, CancellationToken cancellationToken)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*), count(DISTINCT reference_id), coalesce(sum(quantity), 0) FROM stock_movements
            WHERE reference_type = 'purchase_order' AND location_id = $location
            """;
        command.Parameters.AddWithValue("$location", location.ToString("D"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (movements, referenced, quantity) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        var integrity = await edge.SendAsync(HttpMethod.Post, "/api/integrity/check", null, HttpStatusCode.OK, cancellationToken, slow: true);
        var integrityOk = integrity.TryGetProperty("ok", out var ok) && ok.GetBoolean();
        var good = movements == lines && referenced == lines && quantity == (long)lines * LineQuantity && integrityOk;
        Console.WriteLine($"Check: {movements:N0} receipt movements over {referenced:N0} PO lines, {quantity:N0} units " +
            $"(expected {lines:N0} and {(long)lines * LineQuantity:N0}); integrity check {(integrityOk ? "ok" : "FAILED: " + integrity)} → {(good ? "ok" : "FAILED")}");
        return good;
    }
}
