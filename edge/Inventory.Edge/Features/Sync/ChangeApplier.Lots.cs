using Inventory.Domain.Lots;
using Inventory.Sync;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Sync;

// Lots are company-wide master data: the later HLC stamp wins, like the catalog. A pulled hold is what lets a box
// that goes offline afterwards still refuse the lot, so it is stored as it comes, whatever this box knows of the
// lot's stock. Dates are bound as DateOnly (Microsoft.Data.Sqlite writes the same yyyy-MM-dd text EF Core does);
// instants as unix milliseconds, as the entity's converter stores them.
public sealed partial class ChangeApplier
{
    private bool ApplyLot(SqliteTransaction tx, ChangeRecord change, LotRecord r)
    {
        if (r.Status is not (LotStatus.Available or LotStatus.Hold))
        {
            throw new FormatException($"Unknown lot status '{r.Status}'.");
        }

        if (string.IsNullOrEmpty(r.Lot))
        {
            throw new FormatException("A lot without a code.");
        }

        if (!IsNewer(tx, "lots", r.Id, change.Hlc))
        {
            return false;
        }

        // The lot's id is deterministic, so another id for the same product and code is a row made by an older
        // writer: the company's id wins and the local row gives way (stock is keyed by the code, never by the id).
        if (tx.Execute("DELETE FROM lots WHERE product_id = $product AND code = $code AND id <> $id",
                ("$product", Key(r.ProductId)), ("$code", r.Lot), ("$id", Key(r.Id))) > 0)
        {
            LogLotReplaced(logger, r.Lot, r.ProductId, r.Id);
        }

        tx.Execute("""
            INSERT INTO lots (id, product_id, code, expiry, best_before, manufactured_on, supplier_id, purchase_order_id, status,
                hold_reason, held_at, held_by, updated_at, hlc)
            VALUES ($id, $product, $code, $expiry, $bestBefore, $made, $supplier, $po, $status, $reason, $heldAt, $heldBy, $updated, $hlc)
            ON CONFLICT (id) DO UPDATE SET product_id = excluded.product_id, code = excluded.code, expiry = excluded.expiry,
                best_before = excluded.best_before, manufactured_on = excluded.manufactured_on, supplier_id = excluded.supplier_id,
                purchase_order_id = excluded.purchase_order_id, status = excluded.status, hold_reason = excluded.hold_reason,
                held_at = excluded.held_at, held_by = excluded.held_by, updated_at = excluded.updated_at, hlc = excluded.hlc
            """,
            ("$id", Key(r.Id)), ("$product", Key(r.ProductId)), ("$code", r.Lot), ("$expiry", r.Expiry), ("$bestBefore", r.BestBefore),
            ("$made", r.ManufacturedOn), ("$supplier", r.SupplierId is { } s ? Key(s) : null),
            ("$po", r.PurchaseOrderId is { } po ? Key(po) : null), ("$status", r.Status), ("$reason", r.HoldReason),
            ("$heldAt", r.HeldAt?.ToUnixTimeMilliseconds()), ("$heldBy", r.HeldBy is { } by ? Key(by) : null),
            ("$updated", r.UpdatedAt.ToUnixTimeMilliseconds()), ("$hlc", change.Hlc));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pulled lot {Lot} of product {ProductId} replaces a local row of another id (kept id {Id})")]
    private static partial void LogLotReplaced(ILogger logger, string lot, Guid productId, Guid id);
}
