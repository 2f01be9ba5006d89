using Inventory.Cloud.Features.Catalog;
using Inventory.Cloud.Features.Lots;
using Inventory.Cloud.Features.Purchasing;
using Inventory.Cloud.Features.Users;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>
/// Writes the winning version of a master-data record into its own table (what the API and the dashboard
/// read): catalog and accounts through their features' table writers, a site's own locations, bins and
/// transfers here. Called with the feed's lock held, in the same transaction as the feed row.
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
                await CatalogTables.WriteProductAsync(c, tx, data, hlc, origin, now, ct);
                break;
            case ChangeKinds.Category:
                await CatalogTables.WriteCategoryAsync(c, tx, data, hlc, now, ct);
                break;
            case ChangeKinds.Location:
                var l = SyncJson.Read<LocationRecord>(data);
                await NpgsqlExec.ExecAsync(c, tx, """
                    INSERT INTO locations (id, site_code, code, name, type, address, is_active, capacity, allow_negative, hlc, updated_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                    ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, type = excluded.type,
                        address = excluded.address, is_active = excluded.is_active, capacity = excluded.capacity,
                        allow_negative = excluded.allow_negative, hlc = excluded.hlc, updated_at = excluded.updated_at
                    """, ct, l.Id, l.SiteCode, l.Code, l.Name, l.Type, l.Address, l.IsActive, l.Capacity, l.AllowNegative, hlc, now);
                break;
            case ChangeKinds.Bin:
                var b = SyncJson.Read<BinRecord>(data);
                await NpgsqlExec.ExecAsync(c, tx, """
                    INSERT INTO bins (id, location_id, code, description, is_active, hlc) VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT (id) DO UPDATE SET code = excluded.code, description = excluded.description,
                        is_active = excluded.is_active, hlc = excluded.hlc
                    """, ct, b.Id, b.LocationId, b.Code, b.Description, b.IsActive, hlc);
                break;
            case ChangeKinds.User:
                await UserTable.WriteAsync(c, tx, data, hlc, now, ct);
                break;
            case ChangeKinds.Transfer:
                var t = SyncJson.Read<TransferRecord>(data);
                await NpgsqlExec.ExecAsync(c, tx, """
                    INSERT INTO transfers (id, product_id, from_location_id, to_location_id, from_site, to_site, quantity_shipped,
                        quantity_received, status, ship_movement_id, receive_movement_id, lot, shipped_at, received_at, updated_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                    ON CONFLICT (id) DO UPDATE SET quantity_received = excluded.quantity_received, status = excluded.status,
                        receive_movement_id = excluded.receive_movement_id, received_at = excluded.received_at, updated_at = excluded.updated_at
                    """, ct, t.Id, t.ProductId, t.FromLocationId, t.ToLocationId, t.FromSite, t.ToSite, t.QuantityShipped,
                    t.QuantityReceived, t.Status, t.ShipMovementId, t.ReceiveMovementId, t.Lot ?? "", t.ShippedAt, t.ReceivedAt, now);
                break;
            case ChangeKinds.Supplier:
                await PurchasingTables.WriteSupplierAsync(c, tx, data, hlc, origin, now, ct);
                break;
            case ChangeKinds.SupplierProduct:
                await PurchasingTables.WriteSupplierProductAsync(c, tx, data, hlc, origin, now, ct);
                break;
            case ChangeKinds.PurchaseOrder:
                await PurchasingTables.WritePurchaseOrderAsync(c, tx, data, hlc, origin, now, ct);
                break;
            case ChangeKinds.Lot:
                await LotTables.WriteLotAsync(c, tx, data, hlc, origin, now, ct);
                break;
            default:
                throw new InvalidOperationException($"No table for '{kind}'.");
        }
    }
}
