using System.Globalization;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Bench;

/// <summary>
/// Products with stock in N lots at one location, written straight into the in-process edge's SQLite file (50,000 lots
/// over HTTP would take longer than the run): per product N lot rows (status available), N receipts and N levels, each
/// lot in a bin of its own among ten and with an expiry of its own, in an order unrelated to the lot code, so a ship
/// without a lot makes the writer's FEFO allocation read and order every row. The ledger and the levels agree.
/// </summary>
internal static class LotStockSeed
{
    /// <summary>Bins the lots are spread over (lot i goes to bin i mod 10), so the order is not the bin order either.</summary>
    private const int Bins = 10;

    /// <summary>Writes the products and their lots; returns the product ids. Every lot holds <paramref name="perLot"/> units.</summary>
    public static async Task<string[]> SeedAsync(
        BenchEdge edge, string location, string skuPrefix, int productCount, int lots, long perLot, int seed, CancellationToken cancellationToken)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var product = SqliteSeed.Command(connection, transaction, """
            INSERT INTO products (id, sku, name, description, category_id, parent_id, attributes, cost_price, selling_price,
                reorder_point, reorder_quantity, max_level, unit, weight, image_url, is_active, version, created_at, updated_at, lot_tracked)
            VALUES ($id, $sku, $name, NULL, NULL, NULL, NULL, '1.00', NULL, NULL, NULL, NULL, 'each', NULL, NULL, 1, 1, $at, $at, 1)
            """, "$id", "$sku", "$name", "$at");
        using var lot = SqliteSeed.Command(connection, transaction, """
            INSERT INTO lots (id, product_id, code, expiry, best_before, manufactured_on, supplier_id, purchase_order_id, status,
                hold_reason, held_at, held_by, updated_at, hlc)
            VALUES ($id, $product, $code, $expiry, NULL, NULL, NULL, NULL, 'available', NULL, NULL, NULL, $at, NULL)
            """, "$id", "$product", "$code", "$expiry", "$at");
        using var movement = SqliteSeed.Command(connection, transaction, """
            INSERT INTO stock_movements (id, type, product_id, location_id, bin, lot, expiry, quantity, reserved_delta,
                unit_cost, reason, note, reference_type, reference_id, user_id, device_id, occurred_at, recorded_at)
            VALUES ($id, 'receive', $product, $location, $bin, $lot, $expiry, $quantity, 0, '1.00', NULL, NULL, NULL, NULL, NULL, NULL, $at, $at)
            """, "$id", "$product", "$location", "$bin", "$lot", "$expiry", "$quantity", "$at");
        using var level = SqliteSeed.Command(connection, transaction, """
            INSERT INTO stock_levels (product_id, location_id, bin, lot, expiry, quantity, reserved, version, last_counted_at, updated_at)
            VALUES ($product, $location, $bin, $lot, $expiry, $quantity, 0, 1, NULL, $at)
            """, "$product", "$location", "$bin", "$lot", "$expiry", "$quantity", "$at");

        var random = new Random(seed);
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ids = new string[productCount];
        for (var p = 0; p < productCount; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = Guid.CreateVersion7().ToString("D");
            ids[p] = id;
            SqliteSeed.Run(product, id, $"{skuPrefix}-{p + 1:D6}", $"Lot bench item {p + 1}", at);

            // Distinct expiries 60..60+N-1 days out, shuffled against the lot codes.
            var days = Enumerable.Range(60, lots).ToArray();
            random.Shuffle(days);
            for (var i = 0; i < lots; i++)
            {
                var code = $"L{i + 1:D3}";
                var bin = $"B{i % Bins + 1:D2}";
                var expiry = today.AddDays(days[i]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                SqliteSeed.Run(lot, Guid.CreateVersion7().ToString("D"), id, code, expiry, at);
                SqliteSeed.Run(movement, Guid.CreateVersion7().ToString("D"), id, location, bin, code, expiry, perLot, at);
                SqliteSeed.Run(level, id, location, bin, code, expiry, perLot, at);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }
}
