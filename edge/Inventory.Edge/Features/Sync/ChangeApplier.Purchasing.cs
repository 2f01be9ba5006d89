using Inventory.Sync;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Sync;

// Suppliers and their prices are company-wide master data (the later HLC stamp wins, like the catalog). A purchase
// order is a document of its home site: header and lines replaced whole, its received quantities never touched
// (they are sums over this box's ledger), its status never stored (derived from those sums and its events).
// Decimals and dates are bound as themselves: Microsoft.Data.Sqlite writes them as the same text EF Core does.
public sealed partial class ChangeApplier
{
    private bool ApplySupplier(SqliteTransaction tx, ChangeRecord change, SupplierRecord r, DateTimeOffset now)
    {
        if (!IsNewer(tx, "suppliers", r.Id, change.Hlc))
        {
            return false;
        }

        // The company's supplier wins a clash with one born here under the same code (the column is NOCASE).
        if (tx.Scalar("SELECT id FROM suppliers WHERE code = $code AND id <> $id", ("$code", r.Code), ("$id", Key(r.Id))) is string other)
        {
            // The local code as it was written (the match ignores case), so the renamed one still reads as its own.
            var localCode = (string)tx.Scalar("SELECT code FROM suppliers WHERE id = $id", ("$id", other))!;
            var renamed = Unique(tx, "suppliers", "code", $"{localCode}~{_site}");
            tx.Execute("UPDATE suppliers SET code = $code, updated_at = $now WHERE id = $id",
                ("$code", renamed), ("$now", now.ToUnixTimeMilliseconds()), ("$id", other));
            LogRenamed(logger, "supplier", r.Code, renamed);
        }

        tx.Execute("""
            INSERT INTO suppliers (id, code, name, email, phone, address, currency, lead_time_days, payment_terms,
                over_receipt_tolerance_percent, is_active, created_at, updated_at, hlc)
            VALUES ($id, $code, $name, $email, $phone, $address, $currency, $lead, $terms, $tolerance, $active, $created, $updated, $hlc)
            ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, email = excluded.email, phone = excluded.phone,
                address = excluded.address, currency = excluded.currency, lead_time_days = excluded.lead_time_days,
                payment_terms = excluded.payment_terms, over_receipt_tolerance_percent = excluded.over_receipt_tolerance_percent,
                is_active = excluded.is_active, updated_at = excluded.updated_at, hlc = excluded.hlc
            """,
            ("$id", Key(r.Id)), ("$code", r.Code), ("$name", r.Name), ("$email", r.Email), ("$phone", r.Phone), ("$address", r.Address),
            ("$currency", r.Currency), ("$lead", r.LeadTimeDays), ("$terms", r.PaymentTerms), ("$tolerance", r.OverReceiptTolerancePercent),
            ("$active", r.IsActive), ("$created", r.CreatedAt.ToUnixTimeMilliseconds()), ("$updated", r.UpdatedAt.ToUnixTimeMilliseconds()),
            ("$hlc", change.Hlc));
        return true;
    }

    private bool ApplySupplierProduct(SqliteTransaction tx, ChangeRecord change, SupplierProductRecord r, DateTimeOffset now)
    {
        if (!IsNewer(tx, "supplier_products", r.Id, change.Hlc))
        {
            return false;
        }

        // Both foreign keys are enforced. The feed brings a supplier and a product before any price of theirs, so
        // an unknown one means a filtered or damaged feed: logged where a manager sees it, the feed goes on.
        if (!tx.Exists("SELECT 1 FROM suppliers WHERE id = $id", ("$id", Key(r.SupplierId)))
            || !tx.Exists("SELECT 1 FROM products WHERE id = $id", ("$id", Key(r.ProductId))))
        {
            Refuse(tx, change, "supplier_products", "The supplier or the product of this price is not known at this box.", now);
            LogSupplierProductSkipped(logger, r.Id, r.SupplierId, r.ProductId, change.Seq);
            return false;
        }

        // The pair is unique: a row made here under another id for the same pair (the id should be deterministic)
        // gives way to the company's.
        tx.Execute("DELETE FROM supplier_products WHERE supplier_id = $supplier AND product_id = $product AND id <> $id",
            ("$supplier", Key(r.SupplierId)), ("$product", Key(r.ProductId)), ("$id", Key(r.Id)));
        // One preferred supplier per product (a partial unique index): the newly preferred one takes the flag.
        if (r.Preferred)
        {
            tx.Execute("UPDATE supplier_products SET preferred = 0 WHERE product_id = $product AND preferred = 1 AND id <> $id",
                ("$product", Key(r.ProductId)), ("$id", Key(r.Id)));
        }

        tx.Execute("""
            INSERT INTO supplier_products (id, supplier_id, product_id, supplier_sku, unit_price, min_order_quantity, order_multiple,
                lead_time_days, preferred, price_breaks, is_active, updated_at, hlc)
            VALUES ($id, $supplier, $product, $sku, $price, $min, $multiple, $lead, $preferred, $breaks, $active, $updated, $hlc)
            ON CONFLICT (id) DO UPDATE SET supplier_id = excluded.supplier_id, product_id = excluded.product_id,
                supplier_sku = excluded.supplier_sku, unit_price = excluded.unit_price, min_order_quantity = excluded.min_order_quantity,
                order_multiple = excluded.order_multiple, lead_time_days = excluded.lead_time_days, preferred = excluded.preferred,
                price_breaks = excluded.price_breaks, is_active = excluded.is_active, updated_at = excluded.updated_at, hlc = excluded.hlc
            """,
            ("$id", Key(r.Id)), ("$supplier", Key(r.SupplierId)), ("$product", Key(r.ProductId)), ("$sku", r.SupplierSku),
            ("$price", r.UnitPrice), ("$min", r.MinOrderQuantity), ("$multiple", r.OrderMultiple),
            ("$lead", r.LeadTimeDays), ("$preferred", r.Preferred), ("$breaks", SyncRecords.WritePriceBreaks(r.PriceBreaks)),
            ("$active", r.IsActive), ("$updated", r.UpdatedAt.ToUnixTimeMilliseconds()), ("$hlc", change.Hlc));
        return true;
    }

    private bool ApplyPurchaseOrder(SqliteTransaction tx, ChangeRecord change, PurchaseOrderRecord r)
    {
        // Another site's PO is that site's to receive: the feed should not bring it, and if it does it stays out.
        if (r.SiteCode != _site
            || tx.Exists("SELECT 1 FROM locations WHERE id = $id AND site_code <> $site", ("$id", Key(r.LocationId)), ("$site", _site)))
        {
            LogPurchaseOrderOfAnotherSite(logger, r.Number, r.SiteCode, change.Seq);
            return false;
        }

        if (!IsNewer(tx, "purchase_orders", r.Id, change.Hlc))
        {
            return false;
        }

        // mail_queued_at is left out of the update: whether this box already mailed the PO is its own business.
        tx.Execute("""
            INSERT INTO purchase_orders (id, number, supplier_id, location_id, site_code, expected_date, notes, currency,
                sent_at, cancelled_at, closed_at, close_reason, created_by, created_at, updated_at, hlc)
            VALUES ($id, $number, $supplier, $location, $site, $expected, $notes, $currency,
                $sent, $cancelled, $closed, $reason, $createdBy, $created, $updated, $hlc)
            ON CONFLICT (id) DO UPDATE SET number = excluded.number, supplier_id = excluded.supplier_id,
                location_id = excluded.location_id, site_code = excluded.site_code, expected_date = excluded.expected_date,
                notes = excluded.notes, currency = excluded.currency, sent_at = excluded.sent_at, cancelled_at = excluded.cancelled_at,
                closed_at = excluded.closed_at, close_reason = excluded.close_reason, created_by = excluded.created_by,
                updated_at = excluded.updated_at, hlc = excluded.hlc
            """,
            ("$id", Key(r.Id)), ("$number", r.Number), ("$supplier", Key(r.SupplierId)), ("$location", Key(r.LocationId)),
            ("$site", r.SiteCode), ("$expected", r.ExpectedDate),
            ("$notes", r.Notes), ("$currency", r.Currency), ("$sent", r.SentAt?.ToUnixTimeMilliseconds()),
            ("$cancelled", r.CancelledAt?.ToUnixTimeMilliseconds()), ("$closed", r.ClosedAt?.ToUnixTimeMilliseconds()),
            ("$reason", r.CloseReason), ("$createdBy", r.CreatedBy is { } by ? Key(by) : null),
            ("$created", r.CreatedAt.ToUnixTimeMilliseconds()), ("$updated", r.UpdatedAt.ToUnixTimeMilliseconds()), ("$hlc", change.Hlc));

        // Lines are replaced whole and numbered by their position. Receipts reference a line by its id in the
        // ledger, which this never touches: a line edited elsewhere keeps what was received against it here.
        tx.Execute("DELETE FROM purchase_order_lines WHERE purchase_order_id = $id", ("$id", Key(r.Id)));
        var number = 1;
        foreach (var line in r.Lines.DistinctBy(l => l.Id))
        {
            tx.Execute("""
                INSERT INTO purchase_order_lines (id, purchase_order_id, line_number, product_id, quantity, unit_price, supplier_sku)
                VALUES ($id, $order, $number, $product, $quantity, $price, $sku)
                """,
                ("$id", Key(line.Id)), ("$order", Key(r.Id)), ("$number", number++), ("$product", Key(line.ProductId)),
                ("$quantity", line.Quantity), ("$price", line.UnitPrice), ("$sku", line.SupplierSku));
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A pulled supplier price {Id} names a supplier {SupplierId} or product {ProductId} unknown here (feed seq {Seq}); logged as a sync conflict and skipped")]
    private static partial void LogSupplierProductSkipped(ILogger logger, Guid id, Guid supplierId, Guid productId, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pulled purchase order {Number} of site {Site} (feed seq {Seq}) is not this site's; ignored")]
    private static partial void LogPurchaseOrderOfAnotherSite(ILogger logger, string number, string site, long seq);
}
