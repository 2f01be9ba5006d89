using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Infrastructure.Data;

namespace Inventory.Edge.Features.Reports;

/// <summary>A product's stock at one location (all bins and lots), with its effective settings.</summary>
internal sealed record LevelRow(
    Guid ProductId, string Sku, string Name, Guid LocationId, string LocationCode, long Quantity, long Reserved,
    int? ReorderPoint, int? ReorderQuantity, int? MaxLevel, string Status)
{
    public long Available => Quantity - Reserved;
}

internal static class LevelRows
{
    /// <summary>Levels per product and location; settings are the location's, else the product's.</summary>
    public static async Task<List<LevelRow>> ReadAsync(EdgeDatabase database, Guid? locationId, string? having, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT l.product_id, p.sku, p.name, l.location_id, loc.code, sum(l.quantity), sum(l.reserved),
                   coalesce(s.reorder_point, p.reorder_point) AS point, coalesce(s.reorder_quantity, p.reorder_quantity),
                   coalesce(s.max_level, p.max_level), {InventoryQueries.StatusSql} AS status
            FROM stock_levels l
            JOIN products p ON p.id = l.product_id
            JOIN locations loc ON loc.id = l.location_id
            LEFT JOIN location_product_settings s ON s.product_id = l.product_id AND s.location_id = l.location_id
            {(locationId is null ? "" : "WHERE l.location_id = $location")}
            GROUP BY l.product_id, l.location_id
            {(having is null ? "" : "HAVING " + having)}
            ORDER BY loc.code, p.sku
            """;
        if (locationId is { } id)
        {
            command.Parameters.AddWithValue("$location", id.ToString("D"));
        }

        var rows = new List<LevelRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LevelRow(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Guid.Parse(reader.GetString(3)),
                reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.GetString(10)));
        }

        return rows;
    }
}
