using System.Globalization;
using System.Net;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Bench;

/// <summary>
/// A large ledger written straight into the in-process edge's SQLite file (the API would take minutes for a
/// million lines): products, then receipts with a unit cost, shipments and transfer pairs between two
/// locations, then the levels derived from them. Used by the valuation and replication benchmarks.
/// </summary>
internal static class LedgerSeed
{
    private const int SeedBatch = 50_000;

    /// <summary>Two locations over HTTP (a warehouse and a store), so they are the edge's own in every way (outbox included).</summary>
    public static async Task<Guid[]> CreateLocationsAsync(BenchEdge edge, string codePrefix, CancellationToken cancellationToken) =>
    [
        (await edge.SendAsync(HttpMethod.Post, "/api/locations", new { code = codePrefix + "1", name = codePrefix + " main", type = "warehouse" },
            HttpStatusCode.Created, cancellationToken)).GetProperty("id").GetGuid(),
        (await edge.SendAsync(HttpMethod.Post, "/api/locations", new { code = codePrefix + "2", name = codePrefix + " store", type = "store" },
            HttpStatusCode.Created, cancellationToken)).GetProperty("id").GetGuid(),
    ];

    /// <summary>
    /// Writes the products, then the movements in transactions of <see cref="SeedBatch"/>, then derives the levels
    /// from the movements. Returns the first and last movement time (Unix ms); movements span the past year.
    /// </summary>
    public static async Task<(long First, long Last)> SeedAsync(
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
