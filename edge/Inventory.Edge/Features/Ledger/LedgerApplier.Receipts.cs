using System.Text.Json;
using Inventory.Domain.Ledger;
using Inventory.Domain.Lots;
using Inventory.Sync;

namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// The product's lot settings on every receipt (API, purchase-order receipt, scan page, MQTT scanners: all reach the
/// writer): a lot-tracked product refuses a receipt without a lot, shelf life dates a receipt that brings no expiry, and
/// a lot met for the first time gets its master-data row, with its outbox row, in the writer's own transaction, so the
/// lot replicates with the movement that made it or not at all.
/// </summary>
internal sealed partial class LedgerApplier
{
    /// <summary>The receipt line as it will be recorded: refused when the product needs a lot, dated by shelf life when it has none.</summary>
    private LedgerLine PrepareReceipt(Stock stock, LedgerLine line, LedgerCommand command)
    {
        var settings = stock.Product.Lots;
        if (settings.ReceiptRefusal(line.Lot, stock.Product.Sku) is { } refusal)
        {
            throw LedgerRefusal.Invalid(refusal);
        }

        if (line.Expiry is not null || settings.ShelfLifeDays is null)
        {
            return line;
        }

        // A lot (or plain row) that already has an expiry keeps it: shelf life dates new stock, it never re-dates a
        // known lot, and a second receipt of the same lot on a later day must not contradict the first.
        var known = KnownExpiry(stock, line);
        var receivedOn = DateOnly.FromDateTime(command.OccurredAt.UtcDateTime);
        return line with { Expiry = known ?? settings.ExpiryFor(null, receivedOn) };
    }

    private DateOnly? KnownExpiry(Stock stock, LedgerLine line)
    {
        var lot = line.Lot ?? "";
        if (lot.Length == 0)
        {
            var bin = line.Bin ?? "";
            return stock.Slots.FirstOrDefault(s => s.Lot.Length == 0 && s.Bin == bin)?.Expiry;
        }

        var (exists, expiry) = FindLot(line.ProductId, lot);
        return (exists ? expiry : null) ?? stock.Slots.FirstOrDefault(s => s.Lot == lot && s.Expiry is not null)?.Expiry;
    }

    private (bool Exists, DateOnly? Expiry) FindLot(Guid productId, string lot)
    {
        var find = sql.FindLot;
        find.Set("$product", SqliteValues.Of(productId));
        find.Set("$code", lot);
        using var reader = find.ExecuteReader();
        return reader.Read() ? (true, InventoryQueries.ReadDate(reader, 0)) : (false, null);
    }

    /// <summary>
    /// Gives a received lot its `lots` row when it has none (an existing row, held or not, is left as it is): the id
    /// every site computes, the receipt's expiry, and the supplier and purchase order when the receipt fulfils a PO line.
    /// </summary>
    private void EnsureLotRow(LedgerLine line, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(line.Lot) || FindLot(line.ProductId, line.Lot).Exists)
        {
            return;
        }

        var (orderId, supplierId) = OriginOf(line);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var record = new LotRecord(
            DeterministicIds.Lot(line.ProductId, line.Lot), line.ProductId, line.Lot, line.Expiry, null, null, supplierId, orderId,
            LotStatus.Available, null, null, null, at);
        var hlc = Clock.Next();
        var insert = sql.InsertLot;
        insert.Set("$id", SqliteValues.Of(record.Id));
        insert.Set("$product", SqliteValues.Of(record.ProductId));
        insert.Set("$code", record.Lot);
        insert.Set("$expiry", SqliteValues.OrNull(record.Expiry));
        insert.Set("$supplier", SqliteValues.OrNull(record.SupplierId));
        insert.Set("$po", SqliteValues.OrNull(record.PurchaseOrderId));
        insert.Set("$at", at.ToUnixTimeMilliseconds());
        insert.Set("$hlc", hlc);
        insert.ExecuteNonQuery();
        WriteOutbox(ChangeKinds.Lot, record.Id, JsonSerializer.Serialize(record, SyncJson.Default.LotRecord), hlc, null, at);
    }

    /// <summary>The purchase order (and its supplier) a receipt fulfils, from its document reference; none otherwise.</summary>
    private (Guid? OrderId, Guid? SupplierId) OriginOf(LedgerLine line)
    {
        if (line.ReferenceType != DocumentReference.PurchaseOrder || !DocumentReference.TryParse(line.ReferenceId, out var orderId, out _))
        {
            return (null, null);
        }

        var find = sql.FindOrderSupplier;
        find.Set("$id", SqliteValues.Of(orderId));
        return find.ExecuteScalar() is string supplier && Guid.TryParse(supplier, out var supplierId)
            ? (orderId, supplierId)
            : (orderId, null);
    }
}
