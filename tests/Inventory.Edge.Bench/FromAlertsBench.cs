using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Bench;

/// <summary>
/// "Create from alerts" over a large catalog: seeds products straight into the in-process edge's SQLite file,
/// opens reorder alerts on some of them, gives most of those a preferred supplier (the rest stay unassigned),
/// makes open POs over HTTP so stock on order is subtracted, then times the review
/// (GET /api/purchase-orders/from-alerts) and the creation of the drafts (POST) over HTTP.
/// </summary>
internal static class FromAlertsBench
{
    private const double GoalSeconds = 2;

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var productCount = args.Int("products", 200_000, 100, Catalog.MaxProducts);
        var alertCount = args.Int("alerts", 5_000, 10, 100_000);
        var supplierCount = args.Int("suppliers", 20, 1, 1_000);
        var openOrders = args.Int("open-orders", 100, 0, 10_000);
        var runs = args.Int("runs", 3, 1, 100);
        var seed = args.Int("seed", 42, 0, int.MaxValue);
        var settings = EdgeSettings.From(args, allowRemote: false);
        args.RejectUnknown();
        alertCount = Math.Min(alertCount, productCount);

        await using var edge = await BenchEdge.StartAsync(settings, maxConnections: 2, cancellationToken);
        Console.WriteLine("po-from-alerts: draft purchase orders from the open reorder alerts");
        Console.WriteLine();
        Machine.Print(edge.DataDir);

        var location = (await LedgerSeed.CreateLocationsAsync(edge, "POA", cancellationToken))[0];
        var products = Catalog.Generate(productCount, seed).ToArray();
        var seeding = Stopwatch.StartNew();
        await LedgerSeed.SeedAsync(edge, products, [location, location], movementCount: 1_000, seed, cancellationToken);
        var suppliers = new List<Guid>();
        for (var s = 1; s <= supplierCount; s++)
        {
            suppliers.Add((await edge.SendAsync(HttpMethod.Post, "/api/suppliers",
                new { code = $"BS{s:D4}", name = $"Bench supplier {s}", email = $"orders{s}@supplier.test", currency = "EUR", leadTimeDays = 7 },
                HttpStatusCode.Created, cancellationToken)).GetProperty("id").GetGuid());
        }

        var random = new Random(seed + 11);
        var alerted = products.OrderBy(_ => random.Next()).Take(alertCount).ToArray();
        var assigned = alerted.Take(alertCount * 9 / 10).ToArray();
        await SeedAlertsAsync(edge, alerted, assigned, suppliers, location, cancellationToken);

        // Open POs over HTTP: each orders 20 of the alerted products, so their stock on order counts.
        for (var o = 0; o < openOrders; o++)
        {
            var lines = Enumerable.Range(0, 20).Select(i => assigned[(o * 20 + i) % assigned.Length])
                .DistinctBy(p => p.Id).Select(p => new { productId = p.Id, quantity = 6m, unitPrice = 2.5m }).ToArray();
            await edge.SendAsync(HttpMethod.Post, "/api/purchase-orders",
                new { supplierId = suppliers[o % suppliers.Count], locationId = location, lines }, HttpStatusCode.Created, cancellationToken);
        }

        Console.WriteLine($"Seeded {productCount:N0} products, {alertCount:N0} open reorder alerts ({assigned.Length:N0} with a preferred " +
            $"supplier among {supplierCount}), {openOrders:N0} open POs of 20 lines in {seeding.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine();

        var table = new Table("call", "run", "seconds", "drafts", "lines", "unassigned");
        var worst = 0.0;
        for (var run = 1; run <= runs; run++)
        {
            worst = Math.Max(worst, await TimeAsync(edge, HttpMethod.Get, "review (GET)", run, table, cancellationToken));
        }

        worst = Math.Max(worst, await TimeAsync(edge, HttpMethod.Post, "create (POST)", 1, table, cancellationToken));
        Console.WriteLine("Results (send to last byte of the JSON answer, one call at a time)");
        Console.Write(table);
        Console.WriteLine();
        Console.WriteLine($"Goal: <= {GoalSeconds:0} s over {productCount:N0} products with {alertCount:N0} open alerts: " +
            $"{(worst <= GoalSeconds ? "met" : "NOT met")} (slowest {worst:0.00} s)");
        Machine.PrintLoadAtEnd();
        return 0;
    }

    private static async Task<double> TimeAsync(BenchEdge edge, HttpMethod method, string label, int run, Table table, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var body = await edge.SendAsync(method, "/api/purchase-orders/from-alerts", null,
            method == HttpMethod.Post ? HttpStatusCode.Created : HttpStatusCode.OK, ct, slow: true);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var orders = body.GetProperty("orders");
        table.Add(label, Machine.Int(run), seconds.ToString("0.00", CultureInfo.InvariantCulture), Machine.Int(orders.GetArrayLength()),
            Machine.Int(orders.EnumerateArray().Sum(o => o.GetProperty("lines").GetArrayLength())),
            Machine.Int(body.GetProperty("unassigned").GetArrayLength()));
        return seconds;
    }

    /// <summary>Reorder settings and open alerts on the alerted products; a preferred supplier (min 10, multiple 6) on the assigned ones.</summary>
    private static async Task SeedAlertsAsync(
        BenchEdge edge, GeneratedProduct[] alerted, GeneratedProduct[] assigned, List<Guid> suppliers, Guid location, CancellationToken ct)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var settings = connection.CreateCommand();
        settings.Transaction = transaction;
        settings.CommandText = "UPDATE products SET reorder_point = 10, max_level = 40 WHERE id = $id";
        var sId = settings.Parameters.Add("$id", SqliteType.Text);
        await using var alert = connection.CreateCommand();
        alert.Transaction = transaction;
        alert.CommandText = """
            INSERT INTO reorder_alerts (id, product_id, location_id, status, reorder_point, available_at_open, opened_at)
            VALUES ($id, $product, $location, 'open', 10, 0, $now)
            """;
        var aId = alert.Parameters.Add("$id", SqliteType.Text);
        var aProduct = alert.Parameters.Add("$product", SqliteType.Text);
        alert.Parameters.AddWithValue("$location", location.ToString("D"));
        alert.Parameters.AddWithValue("$now", now);
        foreach (var p in alerted)
        {
            sId.Value = p.Id.ToString("D");
            settings.ExecuteNonQuery();
            aId.Value = Guid.CreateVersion7().ToString("D");
            aProduct.Value = p.Id.ToString("D");
            alert.ExecuteNonQuery();
        }

        await using var offer = connection.CreateCommand();
        offer.Transaction = transaction;
        offer.CommandText = """
            INSERT INTO supplier_products (id, supplier_id, product_id, supplier_sku, unit_price, min_order_quantity, order_multiple,
                lead_time_days, preferred, price_breaks, is_active, updated_at)
            VALUES ($id, $supplier, $product, $sku, '2.50', '10', '6', NULL, 1, $breaks, 1, $now)
            """;
        var oId = offer.Parameters.Add("$id", SqliteType.Text);
        var oSupplier = offer.Parameters.Add("$supplier", SqliteType.Text);
        var oProduct = offer.Parameters.Add("$product", SqliteType.Text);
        var oSku = offer.Parameters.Add("$sku", SqliteType.Text);
        offer.Parameters.AddWithValue("$breaks", JsonSerializer.Serialize(new[] { new { quantity = 30m, unitPrice = 2.25m } }));
        offer.Parameters.AddWithValue("$now", now);
        for (var i = 0; i < assigned.Length; i++)
        {
            var supplier = suppliers[i % suppliers.Count];
            oId.Value = DeterministicIds.SupplierProduct(supplier, assigned[i].Id).ToString("D");
            oSupplier.Value = supplier.ToString("D");
            oProduct.Value = assigned[i].Id.ToString("D");
            oSku.Value = "S-" + assigned[i].Sku;
            offer.ExecuteNonQuery();
        }

        await transaction.CommitAsync(ct);
    }
}
