using System.Globalization;
using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>A PO body checked against the database: the supplier, the receiving location and each line's price.</summary>
internal sealed record ResolvedOrder(Supplier Supplier, Location Location, IReadOnlyList<ResolvedLine> Lines);

internal sealed record ResolvedLine(Guid? Id, Guid ProductId, decimal Quantity, decimal UnitPrice, string? SupplierSku);

/// <summary>
/// Checks PO bodies and numbers new POs. The number's counter (document_counters 'purchase_order') is raised by the
/// first statement of the transaction that inserts the PO, so two POs made at once never share a number and a
/// rolled-back PO leaves no gap.
/// </summary>
public sealed class PurchaseOrderDrafts(EdgeDbContext db, IOptions<EdgeOptions> options)
{
    public const string CounterKind = "purchase_order";
    public const int MaxLines = 500;
    public const int MaxNotesLength = 2000;

    public string SiteCode => options.Value.Site.Code;

    /// <summary>The shape of a body: required fields, whole positive quantities, prices in range.</summary>
    internal static Validation Check(PurchaseOrderRequest request)
    {
        var v = new Validation()
            .Require(request.SupplierId is not null, "supplierId", "'supplierId' is required.")
            .Require(request.LocationId is not null, "locationId", "'locationId' is required: the receiving location.")
            .OptionalText(request.Notes, "notes", MaxNotesLength)
            .Require(request.Lines is { Count: > 0 }, "lines", "A purchase order has at least one line.")
            .Require(request.Lines is null || request.Lines.Count <= MaxLines, "lines", $"At most {MaxLines} lines.");
        var lines = request.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"lines[{i}]");
            if (line is null)
            {
                v.Add(at, "A line is an object.");
                continue;
            }

            v.Require(line.ProductId is not null, at + ".productId", "'productId' is required.")
                .Require(line.Quantity is not null, at + ".quantity", "'quantity' is required.")
                .Require(line.Quantity is null or > 0, at + ".quantity", "'quantity' is above zero.")
                .Require(line.Quantity is null or <= 0 || WholeUnits.Is(line.Quantity.Value), at + ".quantity", WholeUnits.Message)
                .Require(line.Quantity is null or <= LedgerLimits.MaxQuantity, at + ".quantity", $"'quantity' is at most {LedgerLimits.MaxQuantity:N0}.")
                .Require(line.UnitPrice is null or (>= 0 and <= LedgerLimits.MaxUnitCost), at + ".unitPrice",
                    "'unitPrice' is between 0 and 1,000,000,000.");
        }

        return v;
    }

    /// <summary>
    /// The body against the database: an unknown supplier, product or location, a location of another site, or a
    /// line without a price given or known → field errors (400).
    /// </summary>
    internal async Task<(ResolvedOrder? Order, Validation Errors)> ResolveAsync(PurchaseOrderRequest request, CancellationToken ct)
    {
        var v = new Validation();
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SupplierId, ct);
        if (supplier is null)
        {
            v.Add("supplierId", $"No supplier with id {request.SupplierId}.");
        }
        else if (!supplier.IsActive)
        {
            v.Add("supplierId", $"Supplier {supplier.Code} is inactive.");
        }

        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.LocationId, ct);
        if (location is null)
        {
            v.Add("locationId", $"No location with id {request.LocationId}.");
        }
        else if (location.SiteCode != SiteCode)
        {
            v.Add("locationId", $"Location {location.Code} belongs to site {location.SiteCode}: a PO made here receives at this site.");
        }

        var lines = request.Lines!;
        var productIds = lines.Select(l => l.ProductId!.Value).Distinct().ToList();
        var known = (await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var offers = supplier is null
            ? []
            : await db.SupplierProducts.AsNoTracking().Where(p => p.SupplierId == supplier.Id && productIds.Contains(p.ProductId))
                .ToDictionaryAsync(p => p.ProductId, ct);
        var resolved = new List<ResolvedLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"lines[{i}]");
            var productId = line.ProductId!.Value;
            if (!known.Contains(productId))
            {
                v.Add(at + ".productId", $"No product with id {productId}.");
                continue;
            }

            var offer = offers.GetValueOrDefault(productId);
            var price = line.UnitPrice ?? (offer is null ? null : SupplierPriceBreaks.UnitPriceFor(offer, line.Quantity!.Value));
            if (price is null)
            {
                if (supplier is not null)
                {
                    v.Add(at + ".unitPrice", $"'unitPrice' is required: supplier {supplier.Code} has no price for this product.");
                }

                continue;
            }

            resolved.Add(new ResolvedLine(line.Id, productId, line.Quantity!.Value, price.Value, offer?.SupplierSku));
        }

        return v.IsValid ? (new ResolvedOrder(supplier!, location!, resolved), v) : (null, v);
    }

    /// <summary>A new PO (not yet saved): numbered from this site's counter. Call inside the transaction that saves it.</summary>
    internal async Task<PurchaseOrder> NewOrderAsync(ResolvedOrder order, DateOnly? expected, string? notes, Guid? createdBy, DateTimeOffset now, CancellationToken ct)
    {
        var po = new PurchaseOrder
        {
            Id = Guid.CreateVersion7(),
            Number = PurchaseOrderNumber.Format(SiteCode, await DocumentNumbers.NextAsync(db, CounterKind, ct)),
            SiteCode = SiteCode,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
        Apply(po, order, expected, notes, now);
        return po;
    }

    /// <summary>Header and lines from a resolved body; lines that name an existing line's id keep it.</summary>
    internal static void Apply(PurchaseOrder po, ResolvedOrder order, DateOnly? expected, string? notes, DateTimeOffset now)
    {
        po.SupplierId = order.Supplier.Id;
        po.LocationId = order.Location.Id;
        po.Currency = order.Supplier.Currency;
        po.ExpectedDate = expected;
        po.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        po.UpdatedAt = now;
        var existing = po.Lines.ToDictionary(l => l.Id);
        var kept = new List<PurchaseOrderLine>(order.Lines.Count);
        var number = 0;
        foreach (var line in order.Lines)
        {
            var row = line.Id is { } id && existing.Remove(id, out var old) ? old : new PurchaseOrderLine { Id = Guid.CreateVersion7(), PurchaseOrderId = po.Id };
            row.LineNumber = ++number;
            row.ProductId = line.ProductId;
            row.Quantity = line.Quantity;
            row.UnitPrice = line.UnitPrice;
            row.SupplierSku = line.SupplierSku;
            kept.Add(row);
        }

        po.Lines.Clear();
        po.Lines.AddRange(kept);
    }
}
