using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync;

/// <summary>
/// Writes the winning version of a master-data record into its own table (what the API and the dashboard
/// read). Called with the feed's lock held, in the same transaction as the feed row.
/// </summary>
public static class TypedTables
{
    public static async Task WriteAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string kind, System.Text.Json.JsonElement data, string hlc,
        string? origin, DateTimeOffset now, CancellationToken ct)
    {
        switch (kind)
        {
            case ChangeKinds.Product:
                await ProductAsync(c, tx, SyncJson.Read<ProductRecord>(data), hlc, origin, now, ct);
                break;
            case ChangeKinds.Category:
                var cat = SyncJson.Read<CategoryRecord>(data);
                await ExecAsync(c, tx, """
                    INSERT INTO categories (id, name, parent_id, hlc, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, hlc = excluded.hlc, updated_at = excluded.updated_at
                    """, ct, cat.Id, cat.Name, cat.ParentId, hlc, now);
                break;
            case ChangeKinds.Location:
                var l = SyncJson.Read<LocationRecord>(data);
                await ExecAsync(c, tx, """
                    INSERT INTO locations (id, site_code, code, name, type, address, is_active, capacity, allow_negative, hlc, updated_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                    ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, type = excluded.type,
                        address = excluded.address, is_active = excluded.is_active, capacity = excluded.capacity,
                        allow_negative = excluded.allow_negative, hlc = excluded.hlc, updated_at = excluded.updated_at
                    """, ct, l.Id, l.SiteCode, l.Code, l.Name, l.Type, l.Address, l.IsActive, l.Capacity, l.AllowNegative, hlc, now);
                break;
            case ChangeKinds.Bin:
                var b = SyncJson.Read<BinRecord>(data);
                await ExecAsync(c, tx, """
                    INSERT INTO bins (id, location_id, code, description, is_active, hlc) VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT (id) DO UPDATE SET code = excluded.code, description = excluded.description,
                        is_active = excluded.is_active, hlc = excluded.hlc
                    """, ct, b.Id, b.LocationId, b.Code, b.Description, b.IsActive, hlc);
                break;
            case ChangeKinds.User:
                var u = SyncJson.Read<UserRecord>(data);
                await ExecAsync(c, tx, """
                    INSERT INTO users (id, username, password_hash, role, is_active, failed_logins, security_stamp, hlc, created_at, updated_at)
                    VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, $8)
                    ON CONFLICT (id) DO UPDATE SET username = excluded.username, password_hash = excluded.password_hash,
                        role = excluded.role, is_active = excluded.is_active, security_stamp = excluded.security_stamp,
                        hlc = excluded.hlc, updated_at = excluded.updated_at
                    """, ct, u.Id, u.Username, u.PasswordHash, u.Role, u.IsActive, u.SecurityStamp, hlc, now);
                break;
            case ChangeKinds.Transfer:
                var t = SyncJson.Read<TransferRecord>(data);
                await ExecAsync(c, tx, """
                    INSERT INTO transfers (id, product_id, from_location_id, to_location_id, from_site, to_site, quantity_shipped,
                        quantity_received, status, ship_movement_id, receive_movement_id, lot, shipped_at, received_at, updated_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                    ON CONFLICT (id) DO UPDATE SET quantity_received = excluded.quantity_received, status = excluded.status,
                        receive_movement_id = excluded.receive_movement_id, received_at = excluded.received_at, updated_at = excluded.updated_at
                    """, ct, t.Id, t.ProductId, t.FromLocationId, t.ToLocationId, t.FromSite, t.ToSite, t.QuantityShipped,
                    t.QuantityReceived, t.Status, t.ShipMovementId, t.ReceiveMovementId, t.Lot ?? "", t.ShippedAt, t.ReceivedAt, now);
                break;
            default:
                throw new InvalidOperationException($"No table for '{kind}'.");
        }
    }

    private static async Task ProductAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, ProductRecord p, string hlc, string? origin, DateTimeOffset now, CancellationToken ct)
    {
        await ExecAsync(c, tx, """
            INSERT INTO products (id, sku, name, description, category_id, parent_id, attributes, cost_price, selling_price,
                reorder_point, reorder_quantity, max_level, unit, weight, image_url, is_active, hlc, edited_at, version, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 1, $19, $20)
            ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name = excluded.name, description = excluded.description,
                category_id = excluded.category_id, parent_id = excluded.parent_id, attributes = excluded.attributes,
                cost_price = excluded.cost_price, selling_price = excluded.selling_price, reorder_point = excluded.reorder_point,
                reorder_quantity = excluded.reorder_quantity, max_level = excluded.max_level, unit = excluded.unit,
                weight = excluded.weight, image_url = excluded.image_url, is_active = excluded.is_active, hlc = excluded.hlc,
                edited_at = excluded.edited_at, version = products.version + 1, updated_at = excluded.updated_at
            """, ct, p.Id, p.Sku, p.Name, p.Description, p.CategoryId, p.ParentId, p.Attributes, p.CostPrice, p.SellingPrice,
            p.ReorderPoint, p.ReorderQuantity, p.MaxLevel, p.Unit, p.Weight, p.ImageUrl, p.IsActive, hlc, origin,
            p.CreatedAt == default ? now : p.CreatedAt, now);
        await ExecAsync(c, tx, "DELETE FROM product_barcodes WHERE product_id = $1", ct, p.Id);
        foreach (var code in p.Barcodes ?? [])
        {
            await ExecAsync(c, tx, "INSERT INTO product_barcodes (product_id, code, kind, pack_quantity) VALUES ($1, $2, $3, $4)",
                ct, p.Id, code.Code, code.Kind, code.PackQuantity);
        }
    }

    internal static async Task ExecAsync(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, c, tx);
        foreach (var value in values)
        {
            // Untyped nulls let the server infer the column's type; timestamptz takes UTC only.
            command.Parameters.Add(new NpgsqlParameter
            {
                Value = value switch
                {
                    null => DBNull.Value,
                    DateTimeOffset at => at.ToUniversalTime(),
                    _ => value,
                },
            });
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
