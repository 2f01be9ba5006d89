using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Sync;
using Inventory.Web.Http;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Purchasing;

public sealed record PurchaseOrderLineRequest(Guid? Id, Guid? ProductId, decimal? Quantity, decimal? UnitPrice, string? SupplierSku);

/// <summary>The body of POST and PUT /api/purchase-orders: a line without <c>unitPrice</c> takes the supplier's price for its quantity.</summary>
public sealed record PurchaseOrderRequest(
    Guid? SupplierId, Guid? LocationId, DateOnly? ExpectedDate, string? Notes, IReadOnlyList<PurchaseOrderLineRequest>? Lines);

public sealed record ClosePurchaseOrderRequest(string? Reason);

/// <summary>What a PO request resolves to once every reference is checked: the supplier, the home site and priced lines.</summary>
public sealed record ResolvedPurchaseOrder(
    Guid SupplierId, string Currency, Guid LocationId, string SiteCode, IReadOnlyList<PurchaseOrderLineRecord> Lines);

public static class PurchaseOrderRules
{
    public const int MaxLines = 500;

    /// <summary>Field checks first, then the references (supplier, location, products, prices); null when all is well.</summary>
    public static async Task<(ResolvedPurchaseOrder? Order, Validation Errors)> ResolveAsync(
        PurchaseOrderRequest r, CloudDbContext db, CancellationToken ct)
    {
        var v = new Validation()
            .Require(r.SupplierId is not null, "supplierId", "'supplierId' is required.")
            .Require(r.LocationId is not null, "locationId", "'locationId' is required.")
            .OptionalText(r.Notes, "notes", 2000)
            .Require(r.Lines is { Count: > 0 }, "lines", "A purchase order has at least one line.")
            .Require((r.Lines?.Count ?? 0) <= MaxLines, "lines", $"A purchase order has at most {MaxLines} lines.");
        var lines = r.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var at = $"lines[{i}]";
            if (l is null)
            {
                v.Add(at, "A line is required.");
                continue;
            }

            v.Require(l.ProductId is not null, $"{at}.productId", "'productId' is required.")
                .Require(l.Quantity is > 0, $"{at}.quantity", "'quantity' is above zero.")
                .Require(l.Quantity is not { } q || q <= LedgerLimits.MaxQuantity, $"{at}.quantity", "'quantity' is at most 1,000,000,000.")
                .Require(l.Quantity is not { } whole || WholeUnits.Is(whole), $"{at}.quantity", WholeUnits.Message)
                .Require(l.UnitPrice is null or (>= 0 and <= LedgerLimits.MaxUnitCost), $"{at}.unitPrice", "'unitPrice' is between 0 and 1,000,000,000.")
                .OptionalText(l.SupplierSku, $"{at}.supplierSku", 100);
        }

        var ids = lines.Where(l => l?.Id is not null).Select(l => l!.Id!.Value).ToList();
        v.Require(ids.Distinct().Count() == ids.Count && !ids.Contains(Guid.Empty), "lines", "Line ids are distinct and not empty.");
        if (!v.IsValid)
        {
            return (null, v);
        }

        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == r.SupplierId, ct);
        v.Require(supplier is not null, "supplierId", "No such supplier.");
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == r.LocationId, ct);
        v.Require(location is not null, "locationId", "No such location.");
        var productIds = lines.Select(l => l.ProductId!.Value).Distinct().ToList();
        var known = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var terms = await db.SupplierProducts.AsNoTracking()
            .Where(sp => sp.SupplierId == r.SupplierId && productIds.Contains(sp.ProductId)).ToDictionaryAsync(sp => sp.ProductId, ct);
        var priced = new List<PurchaseOrderLineRecord>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var productId = l.ProductId!.Value;
            if (!known.Contains(productId))
            {
                v.Add($"lines[{i}].productId", "No such product.");
                continue;
            }

            terms.TryGetValue(productId, out var term);
            decimal? price = l.UnitPrice ?? (term is null ? null
                : PriceBreaks.UnitPriceFor(l.Quantity!.Value, term.UnitPrice,
                    SupplierEndpoints.Breaks(term).Select(b => new PriceBreak(b.Quantity, b.UnitPrice))));
            if (price is null)
            {
                v.Add($"lines[{i}].unitPrice", "'unitPrice' is required: the supplier has no price for this product.");
                continue;
            }

            priced.Add(new PurchaseOrderLineRecord(l.Id ?? Guid.CreateVersion7(), productId, l.Quantity!.Value, price.Value,
                l.SupplierSku?.Trim() ?? term?.SupplierSku));
        }

        return v.IsValid
            ? (new ResolvedPurchaseOrder(supplier!.Id, supplier.Currency, location!.Id, location.SiteCode, priced), v)
            : (null, v);
    }
}
