using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Bench;

/// <summary>
/// Stock valuation over a large ledger: seeds products and movements (receipts with costs, shipments,
/// transfers between two locations) straight into the in-process edge's SQLite file, derives the levels
/// from them, then times GET /api/reports/stock-valuation over HTTP for each method, as of now and as of
/// the middle of the ledger's history.
/// </summary>
internal static class ValuationBench
{
    private const int SeedBatch = 50_000;
    private const double GoalSeconds = 5;

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var productCount = args.Int("products", 200_000, 10, Catalog.MaxProducts);
        var movementCount = args.Int("movements", 1_000_000, 10, 50_000_000);
        var runs = args.Int("runs", 3, 1, 100);
        var seed = args.Int("seed", 42, 0, int.MaxValue);
        var settings = EdgeSettings.From(args, allowRemote: false);
        args.RejectUnknown();

        await using var edge = await BenchEdge.StartAsync(settings, maxConnections: 2, cancellationToken);
        Console.WriteLine("valuation: GET /api/reports/stock-valuation over a seeded ledger");
        Console.WriteLine();
        Machine.Print(edge.DataDir);

        var locations = new[]
        {
            (await edge.SendAsync(HttpMethod.Post, "/api/locations", new { code = "VAL1", name = "Valuation main", type = "warehouse" }, HttpStatusCode.Created, cancellationToken)).GetProperty("id").GetGuid(),
            (await edge.SendAsync(HttpMethod.Post, "/api/locations", new { code = "VAL2", name = "Valuation store", type = "store" }, HttpStatusCode.Created, cancellationToken)).GetProperty("id").GetGuid(),
        };
        var products = Catalog.Generate(productCount, seed).ToArray();
        var seeding = Stopwatch.StartNew();
        var (first, last) = await SeedAsync(edge, products, locations, movementCount, seed, cancellationToken);
        Console.WriteLine($"Seeded {products.Length:N0} products and {movementCount:N0} movements (receive with unit cost, ship, transfer pairs " +
            $"over 2 locations) straight into SQLite in {seeding.Elapsed.TotalSeconds:0.0} s; levels derived from them");
        Console.WriteLine();

        var middle = DateTimeOffset.FromUnixTimeMilliseconds((first + last) / 2);
        var table = new Table("method", "as of", "run", "seconds", "items", "total value", "MB");
        var worst = 0.0;
        foreach (var method in new[] { "fifo", "lifo", "wac" })
        {
            foreach (var (label, asOf) in new[] { ("now", (DateTimeOffset?)null), ("middle", middle) })
            {
                for (var run = 1; run <= runs; run++)
                {
                    var path = $"/api/reports/stock-valuation?method={method}" + (asOf is { } a ? "&asOf=" + Uri.EscapeDataString(a.ToString("O")) : "");
                    var start = Stopwatch.GetTimestamp();
                    using var response = await edge.SlowHttp.GetAsync(path, cancellationToken);
                    var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new BenchFailure($"GET {path}: {(int)response.StatusCode} {BenchEdge.Shorten(System.Text.Encoding.UTF8.GetString(bytes))}");
                    }

                    using var body = JsonDocument.Parse(bytes);
                    worst = Math.Max(worst, seconds);
                    table.Add(method, label, Machine.Int(run), seconds.ToString("0.00", CultureInfo.InvariantCulture),
                        Machine.Int(body.RootElement.GetProperty("items").GetArrayLength()),
                        body.RootElement.GetProperty("totalValue").GetDecimal().ToString("N2", CultureInfo.InvariantCulture),
                        (bytes.Length / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture));
                }
            }
        }

        Console.WriteLine("Results (send to last byte of the JSON answer, one call at a time)");
        Console.Write(table);
        Console.WriteLine();
        Console.WriteLine($"Goal: <= {GoalSeconds:0} s per valuation of {movementCount:N0} movements over {productCount:N0} products: " +
            $"{(worst <= GoalSeconds ? "met" : "NOT met")} (slowest {worst:0.00} s)");
        Machine.PrintLoadAtEnd();
        return 0;
    }

    private static async Task<(long First, long Last)> SeedAsync(
        BenchEdge edge, GeneratedProduct[] products, Guid[] locations, int movementCount, int seed, CancellationToken cancellationToken)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken);
        await using var product = connection.CreateCommand();
        product.CommandText = """
            INSERT INTO products (id, sku, name, description, category_id, parent_id, attributes, cost_price, selling_price,
                reorder_point, reorder_quantity, max_level, unit, weight, image_url, is_active, version, created_at, updated_at)
            VALUES ($id, $sku, $name, NULL, NULL, NULL, NULL, $cost, NULL, NULL, NULL, NULL, 'each', NULL, NULL, 1, 1, $at, $at)
            """;
        var pId = product.Parameters.Add("$id", SqliteType.Text);
        var pSku = product.Parameters.Add("$sku", SqliteType.Text);
        var pName = product.Parameters.Add("$name", SqliteType.Text);
        var pCost = product.Parameters.Add("$cost", SqliteType.Text);
        var pAt = product.Parameters.Add("$at", SqliteType.Integer);

        await using var movement = connection.CreateCommand();
        movement.CommandText = """
            INSERT INTO stock_movements (id, type, product_id, location_id, bin, lot, expiry, quantity, reserved_delta,
                unit_cost, reason, note, reference_type, reference_id, user_id, device_id, occurred_at, recorded_at)
            VALUES ($id, $type, $product, $location, '', '', NULL, $quantity, 0, $cost, NULL, NULL, $refType, $refId, NULL, NULL, $at, $at)
            """;
        var mId = movement.Parameters.Add("$id", SqliteType.Text);
        var mType = movement.Parameters.Add("$type", SqliteType.Text);
        var mProduct = movement.Parameters.Add("$product", SqliteType.Text);
        var mLocation = movement.Parameters.Add("$location", SqliteType.Text);
        var mQuantity = movement.Parameters.Add("$quantity", SqliteType.Integer);
        var mCost = movement.Parameters.Add("$cost", SqliteType.Text);
        var mRefType = movement.Parameters.Add("$refType", SqliteType.Text);
        var mRefId = movement.Parameters.Add("$refId", SqliteType.Text);
        var mAt = movement.Parameters.Add("$at", SqliteType.Integer);

        var random = new Random(seed + 7);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var first = now - (long)TimeSpan.FromDays(365).TotalMilliseconds;
        var step = Math.Max(1, (now - first - 60_000) / movementCount);
        var onHand = new long[products.Length, 2];
        var locationIds = locations.Select(l => l.ToString("D")).ToArray();

        // Products first, in their own transactions, then the movements.
        for (var start = 0; start < products.Length; start += SeedBatch)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            product.Transaction = transaction;
            product.Prepare();
            foreach (var p in products.AsSpan(start, Math.Min(SeedBatch, products.Length - start)))
            {
                pId.Value = p.Id.ToString("D");
                pSku.Value = p.Sku;
                pName.Value = p.Name;
                pCost.Value = random.Next(3) == 0 ? (random.Next(50, 20_000) / 100m).ToString(CultureInfo.InvariantCulture) : DBNull.Value;
                pAt.Value = first;
                product.ExecuteNonQuery();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var written = 0;
        var at = first;
        while (written < movementCount)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            movement.Transaction = transaction;
            movement.Prepare();
            var batchEnd = Math.Min(movementCount, written + SeedBatch);
            while (written < batchEnd)
            {
                var index = random.Next(products.Length);
                var productId = products[index].Id.ToString("D");
                at += step;
                void Write(string type, int location, long quantity, string? cost, string? refType, string? refId)
                {
                    mId.Value = Guid.CreateVersion7().ToString("D");
                    mType.Value = type;
                    mProduct.Value = productId;
                    mLocation.Value = locationIds[location];
                    mQuantity.Value = quantity;
                    mCost.Value = (object?)cost ?? DBNull.Value;
                    mRefType.Value = (object?)refType ?? DBNull.Value;
                    mRefId.Value = (object?)refId ?? DBNull.Value;
                    mAt.Value = at;
                    movement.ExecuteNonQuery();
                    onHand[index, location] += quantity;
                    written++;
                }

                var roll = random.Next(100);
                if (onHand[index, 0] < 5 || roll < 45)
                {
                    var cost = (random.Next(50, 100_000) / 1000m).ToString(CultureInfo.InvariantCulture);
                    Write("receive", 0, random.Next(1, 51), cost, "purchase_order", null);
                }
                else if (roll < 90 || written + 2 > batchEnd)
                {
                    var location = onHand[index, 1] > 0 && random.Next(4) == 0 ? 1 : 0;
                    Write("ship", location, -Math.Min(onHand[index, location], random.Next(1, 21)), null, "sales_order", null);
                }
                else
                {
                    var quantity = Math.Min(onHand[index, 0], random.Next(1, 11));
                    var transfer = Guid.CreateVersion7().ToString("D");
                    Write("transfer_out", 0, -quantity, null, "transfer", transfer);
                    Write("transfer_in", 1, quantity, null, "transfer", transfer);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await using (var levels = connection.CreateCommand())
        {
            levels.CommandText = """
                INSERT INTO stock_levels (product_id, location_id, bin, lot, expiry, quantity, reserved, version, last_counted_at, updated_at)
                SELECT product_id, location_id, '', '', NULL, sum(quantity), 0, 1, NULL, max(recorded_at)
                FROM stock_movements GROUP BY product_id, location_id
                """;
            levels.CommandTimeout = 0;
            await levels.ExecuteNonQueryAsync(cancellationToken);
        }

        return (first, at);
    }
}
