using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Sync;

namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>The checks of pushed suppliers, supplier prices and purchase orders, before anything of the batch is written.</summary>
internal static class PurchasingValidation
{
    public static Guid CheckSupplier(SupplierRecord s, string at)
    {
        PushValidation.Require(!string.IsNullOrWhiteSpace(s.Code) && s.Code.Length <= 50 && !string.IsNullOrWhiteSpace(s.Name)
            && s.Name.Length <= 200, $"{at}: code and name are required.");
        PushValidation.Require(s.Currency is { Length: 3 }, $"{at}: currency is a three-letter code.");
        PushValidation.Require(s.OverReceiptTolerancePercent is >= 0 and <= ReceiptTolerance.MaxPercent, $"{at}: tolerance out of range.");
        return s.Id;
    }

    public static Guid CheckSupplierProduct(SupplierProductRecord p, string at)
    {
        // Derived from the pair, so the same pair priced at two replicas is one row, never two.
        PushValidation.Require(p.Id == DeterministicIds.SupplierProduct(p.SupplierId, p.ProductId), $"{at}: the id is not that of its supplier and product.");
        PushValidation.Require(p.UnitPrice is >= 0 and <= LedgerLimits.MaxUnitCost && p.MinOrderQuantity >= 0 && p.OrderMultiple >= 0,
            $"{at}: price or quantities out of range.");
        PushValidation.Require(PriceBreaks.Check([.. (p.PriceBreaks ?? []).Select(b => new PriceBreak(b.Quantity, b.UnitPrice))]).Count == 0,
            $"{at}: the price breaks are not valid.");
        return p.Id;
    }

    /// <summary>A site writes its own POs only; its numbers carry its own prefix (or the cloud's, for a PO made here).</summary>
    public static Guid CheckPurchaseOrder(PurchaseOrderRecord po, string site, string at)
    {
        if (!string.Equals(po.SiteCode, site, StringComparison.Ordinal))
        {
            throw SyncRefusedException.Forbidden($"{at}: purchase order {po.Number} belongs to site {po.SiteCode}, not {site}.");
        }

        PushValidation.Require(po.Number is { Length: <= 40 }
            && (po.Number.StartsWith($"PO-{site}-", StringComparison.Ordinal)
                || po.Number.StartsWith($"PO-{PurchaseOrderNumber.CloudPrefix}-", StringComparison.Ordinal)),
            $"{at}: the number is not PO-{site}-… nor PO-{PurchaseOrderNumber.CloudPrefix}-….");
        PushValidation.Require(po.Currency is { Length: 3 }, $"{at}: currency is a three-letter code.");
        var lines = po.Lines ?? [];
        PushValidation.Require(lines.Count <= 500 && lines.Select(l => l.Id).Distinct().Count() == lines.Count && lines.All(l => l.Id != Guid.Empty),
            $"{at}: line ids are distinct and not empty.");
        PushValidation.Require(lines.All(l => l.Quantity > 0 && l.Quantity <= LedgerLimits.MaxQuantity && l.UnitPrice is >= 0 and <= LedgerLimits.MaxUnitCost),
            $"{at}: a line's quantity or price is out of range.");
        return po.Id;
    }
}
