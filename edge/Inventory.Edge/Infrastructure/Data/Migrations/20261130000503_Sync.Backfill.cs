using Microsoft.EntityFrameworkCore.Migrations;

namespace Inventory.Edge.Infrastructure.Data.Migrations;

/// <summary>
/// Hand-written part of the Sync migration: a box that ran before replication was configured already holds a
/// catalog and locations. They get a stamp and an outbox row each, so the first contact with the cloud sends
/// them. The JSON is built here with SQLite's JSON functions and matches SyncJson's records field for field.
/// </summary>
public partial class Sync
{
    // The site code is configuration a migration cannot see; this box's locations carry it (all of them are its
    // own before the first pull). The node only breaks ties between equal stamps.
    private const string Node = "coalesce((SELECT site_code FROM locations ORDER BY created_at LIMIT 1), 'edge')";

    private const string Now = "(CAST(strftime('%s', 'now') AS INTEGER) * 1000)";

    private static string Stamp(string millisecondsColumn) => $"printf('%015d.%06d.%s', {millisecondsColumn}, 0, {Node})";

    private static string Bool(string column) => $"json(CASE WHEN {column} THEN 'true' ELSE 'false' END)";

    private static string Iso(string millisecondsColumn) =>
        $"strftime('%Y-%m-%dT%H:%M:%S', {millisecondsColumn} / 1000, 'unixepoch') || '.' || printf('%03d', {millisecondsColumn} % 1000) || 'Z'";

    private static void Backfill(MigrationBuilder migrationBuilder)
    {
        // A row's stamp is its own last-change time: the cloud's later edits still win, earlier ones do not.
        migrationBuilder.Sql($"UPDATE categories SET hlc = {Stamp("created_at")};");
        migrationBuilder.Sql($"UPDATE locations SET hlc = {Stamp("updated_at")};");
        migrationBuilder.Sql($"UPDATE bins SET hlc = {Stamp("created_at")};");
        migrationBuilder.Sql($"UPDATE products SET hlc = {Stamp("updated_at")};");

        // Parents before children, so the cloud can resolve references in order.
        migrationBuilder.Sql($"""
            INSERT INTO sync_outbox (kind, entity_id, hlc, base_hlc, data, recorded_at)
            SELECT 'category', id, hlc, NULL, json_object('id', id, 'name', name, 'parentId', parent_id), {Now}
            FROM categories ORDER BY parent_id IS NOT NULL, created_at;
            """);
        migrationBuilder.Sql($"""
            INSERT INTO sync_outbox (kind, entity_id, hlc, base_hlc, data, recorded_at)
            SELECT 'location', id, hlc, NULL, json_object('id', id, 'code', code, 'name', name, 'type', type, 'address', address,
                'isActive', {Bool("is_active")}, 'capacity', capacity, 'allowNegative', {Bool("allow_negative")}, 'siteCode', site_code), {Now}
            FROM locations ORDER BY created_at;
            """);
        migrationBuilder.Sql($"""
            INSERT INTO sync_outbox (kind, entity_id, hlc, base_hlc, data, recorded_at)
            SELECT 'bin', id, hlc, NULL, json_object('id', id, 'locationId', location_id, 'code', code, 'description', description,
                'isActive', {Bool("is_active")}), {Now}
            FROM bins ORDER BY created_at;
            """);
        migrationBuilder.Sql($"""
            INSERT INTO sync_outbox (kind, entity_id, hlc, base_hlc, data, recorded_at)
            SELECT 'product', p.id, p.hlc, NULL, json_object('id', p.id, 'sku', p.sku, 'name', p.name, 'description', p.description,
                'categoryId', p.category_id, 'parentId', p.parent_id, 'attributes', p.attributes, 'costPrice', json(p.cost_price),
                'sellingPrice', json(p.selling_price), 'reorderPoint', p.reorder_point, 'reorderQuantity', p.reorder_quantity,
                'maxLevel', p.max_level, 'unit', p.unit, 'weight', json(p.weight), 'imageUrl', p.image_url, 'isActive', {Bool("p.is_active")},
                'barcodes', json((SELECT json_group_array(json_object('code', b.code, 'kind', b.kind, 'packQuantity', b.pack_quantity))
                                  FROM (SELECT code, kind, pack_quantity FROM product_barcodes WHERE product_id = p.id ORDER BY code) b)),
                'createdAt', {Iso("p.created_at")}, 'updatedAt', {Iso("p.updated_at")}), {Now}
            FROM products p ORDER BY p.parent_id IS NOT NULL, p.created_at;
            """);
    }
}
