using System.Globalization;
using Inventory.Domain.Ledger;
using Inventory.Domain.Valuation;
using Inventory.Edge.Infrastructure.Data;

namespace Inventory.Edge.Features.Reports;

/// <summary>A product as the reports name it: the catalog row, read once per report.</summary>
internal sealed record CatalogEntry(Guid Id, string Sku, string Name, decimal? CostPrice);

/// <summary>One product at one location after the run: on hand and its unrounded value.</summary>
internal sealed record CostPosition(string ProductId, string LocationId, long Quantity, decimal Value);

/// <summary>What a run of the ledger gives: positions, and the cost of what was shipped since a given time (ABC).</summary>
internal sealed record ValuationRun(
    IReadOnlyDictionary<string, CatalogEntry> Catalog,
    IReadOnlyList<CostPosition> Positions,
    IReadOnlyDictionary<string, (long Quantity, decimal Cost)> Consumption);

/// <summary>
/// Replays the ledger through <see cref="ProductValuation{TLocation}"/> in one sequential pass.
/// </summary>
/// <remarks>
/// The pass reads stock_movements in seq order (its rowid order: one sequential scan, no sort, no index
/// lookups) and keeps one small state per product in memory, rather than ordering by (product, location,
/// seq): that would read 1M rows through an index in random table order, and it would meet a transfer's
/// in line before its out line whenever the destination's id sorts first. In seq order every transfer_out
/// precedes its transfer_in, so the in line gets exactly the cost the out line consumed.
/// "As of" means as booked: lines with recorded_at ≤ asOf. recorded_at is the edge's own clock and only
/// grows, so a report as of yesterday evening stays the same tomorrow; occurred_at is the device's clock
/// and a handheld replaying offline work could still change the past.
/// </remarks>
internal sealed class LedgerValuation(EdgeDatabase database)
{
    public async Task<ValuationRun> RunAsync(
        ValuationMethod method, DateTimeOffset asOf, DateTimeOffset? consumptionFrom, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var catalog = await ReadCatalogAsync(connection, cancellationToken);

        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT product_id, location_id, type, quantity, unit_cost, reference_id, recorded_at
            FROM stock_movements WHERE recorded_at <= $asOf AND quantity <> 0 ORDER BY seq
            """;
        command.Parameters.AddWithValue("$asOf", asOf.ToUnixTimeMilliseconds());
        var fromMs = consumptionFrom?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        var products = new Dictionary<string, ProductValuation<string>>(catalog.Count, StringComparer.Ordinal);
        var consumption = new Dictionary<string, (long, decimal)>(StringComparer.Ordinal);
        // Location ids repeat on every line: keep one string per location instead of one per line.
        var locations = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            // Read, not ReadAsync: SQLite reads are synchronous underneath, and this loop runs a million times.
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var productId = reader.GetString(0);
                if (!products.TryGetValue(productId, out var valuation))
                {
                    products[productId] = valuation = new ProductValuation<string>(method, catalog.GetValueOrDefault(productId)?.CostPrice);
                }

                var location = reader.GetString(1);
                if (!locations.TryGetValue(location, out var known))
                {
                    locations[location] = known = location;
                }

                var type = TypeOf(reader.GetString(2));
                var quantity = reader.GetInt64(3);
                decimal? unitCost = reader.IsDBNull(4) ? null : decimal.Parse(reader.GetString(4), NumberStyles.Number, CultureInfo.InvariantCulture);
                var referenceId = reader.IsDBNull(5) ? null : reader.GetString(5);
                var cost = valuation.Apply(known, type, quantity, unitCost, referenceId);
                if (type == MovementType.Ship && consumptionFrom is not null && reader.GetInt64(6) >= fromMs)
                {
                    var (q, c) = consumption.GetValueOrDefault(productId);
                    consumption[productId] = (q - quantity, c + cost);
                }
            }
        }

        var positions = new List<CostPosition>(products.Count);
        foreach (var (productId, valuation) in products)
        {
            foreach (var (location, pool) in valuation.Positions)
            {
                if (pool.Quantity != 0 || pool.Value != 0)
                {
                    positions.Add(new CostPosition(productId, location, pool.Quantity, pool.Value));
                }
            }
        }

        return new ValuationRun(catalog, positions, consumption);
    }

    /// <summary>
    /// Only these three types change how a line is costed; every other type counts by its quantity's sign.
    /// A plain switch: this runs once per ledger line, a million times per report.
    /// </summary>
    private static MovementType TypeOf(string type) => type switch
    {
        "ship" => MovementType.Ship,
        "transfer_out" => MovementType.TransferOut,
        "transfer_in" => MovementType.TransferIn,
        _ => MovementType.Adjust,
    };

    internal static async Task<Dictionary<string, CatalogEntry>> ReadCatalogAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, sku, name, cost_price FROM products";
        var catalog = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            catalog[id] = new CatalogEntry(Guid.Parse(id), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : decimal.Parse(reader.GetString(3), NumberStyles.Number, CultureInfo.InvariantCulture));
        }

        return catalog;
    }
}
