using System.Text.Json;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Lots;

/// <summary>
/// Writes the winning version of a lot into <c>lots</c> (what the API and the dashboard read), whether the cloud edited
/// it or a site pushed it. Called with the feed's lock held, in the same transaction as the feed row; <c>origin</c> is
/// the site that made the version, null for the cloud.
/// </summary>
internal static class LotTables
{
    public static async Task WriteLotAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, JsonElement data, string hlc, string? origin, DateTimeOffset now, CancellationToken ct)
    {
        var l = SyncJson.Read<LotRecord>(data);
        // Ids are deterministic per (product, code); a row of another id for the pair came from an older writer and
        // gives way, as it does at the boxes.
        await NpgsqlExec.ExecAsync(c, tx, "DELETE FROM lots WHERE product_id = $1 AND code = $2 AND id <> $3", ct, l.ProductId, l.Lot, l.Id);
        await NpgsqlExec.ExecAsync(c, tx, """
            INSERT INTO lots (id, product_id, code, expiry, best_before, manufactured_on, supplier_id, purchase_order_id, status,
                hold_reason, held_at, held_by, hlc, edited_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            ON CONFLICT (id) DO UPDATE SET product_id = excluded.product_id, code = excluded.code, expiry = excluded.expiry,
                best_before = excluded.best_before, manufactured_on = excluded.manufactured_on, supplier_id = excluded.supplier_id,
                purchase_order_id = excluded.purchase_order_id, status = excluded.status, hold_reason = excluded.hold_reason,
                held_at = excluded.held_at, held_by = excluded.held_by, hlc = excluded.hlc, edited_at = excluded.edited_at,
                updated_at = excluded.updated_at
            """, ct, l.Id, l.ProductId, l.Lot, l.Expiry, l.BestBefore, l.ManufacturedOn, l.SupplierId, l.PurchaseOrderId, l.Status,
            l.HoldReason, l.HeldAt, l.HeldBy, hlc, origin, l.UpdatedAt == default ? now : l.UpdatedAt);
    }
}
