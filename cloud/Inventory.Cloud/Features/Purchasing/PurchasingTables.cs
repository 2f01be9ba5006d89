using System.Text.Json;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Purchasing;

/// <summary>
/// Writes the winning version of a supplier, a supplier price or a purchase order into its table (what the API and
/// the dashboard read), whether the cloud edited it or a site pushed it. Called with the feed's lock held, in the
/// same transaction as the feed row; <c>origin</c> is the site that made the version, null for the cloud.
/// </summary>
internal static class PurchasingTables
{
    public static async Task WriteSupplierAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, JsonElement data, string hlc, string? origin, DateTimeOffset now, CancellationToken ct)
    {
        var s = SyncJson.Read<SupplierRecord>(data);
        await NpgsqlExec.ExecAsync(c, tx, """
            INSERT INTO suppliers (id, code, name, email, phone, address, currency, lead_time_days, payment_terms,
                over_receipt_tolerance_percent, is_active, hlc, edited_at, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, email = excluded.email,
                phone = excluded.phone, address = excluded.address, currency = excluded.currency,
                lead_time_days = excluded.lead_time_days, payment_terms = excluded.payment_terms,
                over_receipt_tolerance_percent = excluded.over_receipt_tolerance_percent, is_active = excluded.is_active,
                hlc = excluded.hlc, edited_at = excluded.edited_at, updated_at = excluded.updated_at
            """, ct, s.Id, s.Code, s.Name, s.Email, s.Phone, s.Address, s.Currency, s.LeadTimeDays, s.PaymentTerms,
            s.OverReceiptTolerancePercent, s.IsActive, hlc, origin, s.CreatedAt == default ? now : s.CreatedAt, now);
    }

    public static async Task WriteSupplierProductAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, JsonElement data, string hlc, string? origin, DateTimeOffset now, CancellationToken ct)
    {
        var p = SyncJson.Read<SupplierProductRecord>(data);
        if (p.Preferred)
        {
            // One preferred supplier per product: the version written last takes it (the API also sends the cleared
            // rows to every box, so the boxes agree).
            await NpgsqlExec.ExecAsync(c, tx,
                "UPDATE supplier_products SET preferred = false WHERE product_id = $1 AND id <> $2 AND preferred", ct, p.ProductId, p.Id);
        }

        var breaks = JsonSerializer.Serialize(p.PriceBreaks ?? [], PurchasingJson.Default.IReadOnlyListPriceBreakRecord);
        await NpgsqlExec.ExecAsync(c, tx, """
            INSERT INTO supplier_products (id, supplier_id, product_id, supplier_sku, unit_price, min_order_quantity, order_multiple,
                lead_time_days, preferred, price_breaks, is_active, hlc, edited_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14)
            ON CONFLICT (id) DO UPDATE SET supplier_sku = excluded.supplier_sku, unit_price = excluded.unit_price,
                min_order_quantity = excluded.min_order_quantity, order_multiple = excluded.order_multiple,
                lead_time_days = excluded.lead_time_days, preferred = excluded.preferred, price_breaks = excluded.price_breaks,
                is_active = excluded.is_active, hlc = excluded.hlc, edited_at = excluded.edited_at, updated_at = excluded.updated_at
            """, ct, p.Id, p.SupplierId, p.ProductId, p.SupplierSku, p.UnitPrice, p.MinOrderQuantity, p.OrderMultiple,
            p.LeadTimeDays, p.Preferred, breaks, p.IsActive, hlc, origin, now);
    }

    /// <summary>A PO travels whole: its header, then its lines replaced by the version's.</summary>
    public static async Task WritePurchaseOrderAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, JsonElement data, string hlc, string? origin, DateTimeOffset now, CancellationToken ct)
    {
        var po = SyncJson.Read<PurchaseOrderRecord>(data);
        await NpgsqlExec.ExecAsync(c, tx, """
            INSERT INTO purchase_orders (id, number, supplier_id, location_id, site_code, expected_date, notes, currency, sent_at,
                cancelled_at, closed_at, close_reason, created_by, hlc, edited_at, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            ON CONFLICT (id) DO UPDATE SET supplier_id = excluded.supplier_id, location_id = excluded.location_id,
                expected_date = excluded.expected_date, notes = excluded.notes, currency = excluded.currency,
                sent_at = excluded.sent_at, cancelled_at = excluded.cancelled_at, closed_at = excluded.closed_at,
                close_reason = excluded.close_reason, hlc = excluded.hlc, edited_at = excluded.edited_at, updated_at = excluded.updated_at
            """, ct, po.Id, po.Number, po.SupplierId, po.LocationId, po.SiteCode, po.ExpectedDate, po.Notes, po.Currency,
            po.SentAt, po.CancelledAt, po.ClosedAt, po.CloseReason, po.CreatedBy, hlc, origin,
            po.CreatedAt == default ? now : po.CreatedAt, now);
        await NpgsqlExec.ExecAsync(c, tx, "DELETE FROM purchase_order_lines WHERE purchase_order_id = $1", ct, po.Id);
        var position = 0;
        foreach (var line in po.Lines ?? [])
        {
            await NpgsqlExec.ExecAsync(c, tx, """
                INSERT INTO purchase_order_lines (id, purchase_order_id, position, product_id, quantity, unit_price, supplier_sku)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, ct, line.Id, po.Id, position++, line.ProductId, line.Quantity, line.UnitPrice, line.SupplierSku);
        }
    }
}
