using System.Text.Json;
using Inventory.Domain.Lots;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Catalog;

/// <summary>
/// Writes the winning version of a product or a category into its table (what the API and the dashboard read),
/// whether the cloud edited it or a site pushed it. Called with the feed's lock held, in the same transaction
/// as the feed row.
/// </summary>
internal static class CatalogTables
{
    public static async Task WriteCategoryAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, JsonElement data, string hlc, DateTimeOffset now, CancellationToken ct)
    {
        var cat = SyncJson.Read<CategoryRecord>(data);
        await NpgsqlExec.ExecAsync(c, tx, """
            INSERT INTO categories (id, name, parent_id, hlc, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, hlc = excluded.hlc, updated_at = excluded.updated_at
            """, ct, cat.Id, cat.Name, cat.ParentId, hlc, now);
    }

    public static async Task WriteProductAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, JsonElement data, string hlc, string? origin, DateTimeOffset now, CancellationToken ct)
    {
        var p = SyncJson.Read<ProductRecord>(data);

        // A record from a release before lot settings carries none: the product keeps the ones it has.
        var lots = p.Lots ?? ProductLotSettings.Default;
        await NpgsqlExec.ExecAsync(c, tx, """
            INSERT INTO products (id, sku, name, description, category_id, parent_id, attributes, cost_price, selling_price,
                reorder_point, reorder_quantity, max_level, unit, weight, image_url, is_active, hlc, edited_at, version, created_at, updated_at,
                lot_tracked, shelf_life_days, expiry_alert_days, sell_expired)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 1, $19, $20,
                $21, $22, $23, $24)
            ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name = excluded.name, description = excluded.description,
                category_id = excluded.category_id, parent_id = excluded.parent_id, attributes = excluded.attributes,
                cost_price = excluded.cost_price, selling_price = excluded.selling_price, reorder_point = excluded.reorder_point,
                reorder_quantity = excluded.reorder_quantity, max_level = excluded.max_level, unit = excluded.unit,
                weight = excluded.weight, image_url = excluded.image_url, is_active = excluded.is_active, hlc = excluded.hlc,
                edited_at = excluded.edited_at, version = products.version + 1, updated_at = excluded.updated_at,
                lot_tracked = CASE WHEN $25 THEN products.lot_tracked ELSE excluded.lot_tracked END,
                shelf_life_days = CASE WHEN $25 THEN products.shelf_life_days ELSE excluded.shelf_life_days END,
                expiry_alert_days = CASE WHEN $25 THEN products.expiry_alert_days ELSE excluded.expiry_alert_days END,
                sell_expired = CASE WHEN $25 THEN products.sell_expired ELSE excluded.sell_expired END
            """, ct, p.Id, p.Sku, p.Name, p.Description, p.CategoryId, p.ParentId, p.Attributes, p.CostPrice, p.SellingPrice,
            p.ReorderPoint, p.ReorderQuantity, p.MaxLevel, p.Unit, p.Weight, p.ImageUrl, p.IsActive, hlc, origin,
            p.CreatedAt == default ? now : p.CreatedAt, now,
            lots.LotTracked, lots.ShelfLifeDays, lots.ExpiryAlertDays, lots.SellExpired, p.Lots is null);
        await NpgsqlExec.ExecAsync(c, tx, "DELETE FROM product_barcodes WHERE product_id = $1", ct, p.Id);
        foreach (var code in p.Barcodes ?? [])
        {
            await NpgsqlExec.ExecAsync(c, tx, "INSERT INTO product_barcodes (product_id, code, kind, pack_quantity) VALUES ($1, $2, $3, $4)",
                ct, p.Id, code.Code, code.Kind, code.PackQuantity);
        }
    }
}
