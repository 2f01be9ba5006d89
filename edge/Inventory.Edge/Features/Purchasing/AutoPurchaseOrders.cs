using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>
/// Draft POs from the open reorder alerts of this site: one per preferred supplier and receiving location. Each
/// line's quantity is <see cref="OrderQuantity.ForReorder"/> from what is available, what open POs still bring
/// (ordered − received, per product and location), the reorder point / quantity / max level (the location's
/// setting, else the product's) and the supplier's minimum and multiple. A product without a preferred supplier is
/// listed as unassigned; a line that would be 0 (enough on order) is left out.
/// </summary>
public sealed class AutoPurchaseOrders(EdgeDbContext db, PurchaseOrderReader reader, PurchaseOrderDrafts drafts, TimeProvider time)
{
    public const string NoPreferredSupplier = "no preferred supplier";
    public const string SupplierInactive = "preferred supplier inactive";

    public async Task<FromAlertsPlan> PlanAsync(CancellationToken ct)
    {
        var site = drafts.SiteCode;
        // Every lookup below is a join from the open alerts (thousands) into tables keyed by product, never a list of
        // ids sent as a parameter: over 200,000 products a join on the primary keys is what keeps this within 2 s.
        var open = from a in db.Set<ReorderAlert>().AsNoTracking()
                   join l in db.Locations.AsNoTracking() on a.LocationId equals l.Id
                   where a.Status == "open" && l.SiteCode == site
                   select a;
        var alerts = await open.Select(a => new { a.ProductId, a.LocationId, a.ReorderPoint }).ToListAsync(ct);
        if (alerts.Count == 0)
        {
            return new FromAlertsPlan([], []);
        }

        var products = await (from a in open
                              join p in db.Products.AsNoTracking() on a.ProductId equals p.Id
                              select new { p.Id, p.Sku, p.Name, p.ReorderPoint, p.ReorderQuantity, p.MaxLevel })
            .Distinct().ToDictionaryAsync(p => p.Id, ct);
        var settings = await (from a in open
                              join s in db.LocationProductSettings.AsNoTracking()
                                  on new { a.ProductId, a.LocationId } equals new { s.ProductId, s.LocationId }
                              select s)
            .ToDictionaryAsync(s => (s.ProductId, s.LocationId), ct);
        var available = (await (from a in open
                                join s in db.StockLevels.AsNoTracking()
                                    on new { a.ProductId, a.LocationId } equals new { s.ProductId, s.LocationId }
                                group s by new { s.ProductId, s.LocationId } into g
                                select new { g.Key.ProductId, g.Key.LocationId, Available = g.Sum(s => s.Quantity - s.Reserved) })
                .ToListAsync(ct))
            .ToDictionary(s => (s.ProductId, s.LocationId), s => s.Available);
        var onOrder = await OnOrderAsync(site, ct);
        var offers = (await (from a in open
                             join o in db.SupplierProducts.AsNoTracking() on a.ProductId equals o.ProductId
                             where o.Preferred
                             select o)
                .ToListAsync(ct))
            .DistinctBy(o => o.ProductId).ToDictionary(o => o.ProductId);
        var supplierIds = offers.Values.Select(o => o.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

        var unassigned = new List<UnassignedProduct>();
        var lines = new List<(Supplier Supplier, Guid LocationId, ProposedLine Line)>();
        foreach (var alert in alerts.OrderBy(a => products.GetValueOrDefault(a.ProductId)?.Sku, StringComparer.Ordinal))
        {
            if (!products.TryGetValue(alert.ProductId, out var product))
            {
                continue;
            }

            var offer = offers.GetValueOrDefault(alert.ProductId);
            var supplier = offer is null || !offer.IsActive ? null : suppliers.GetValueOrDefault(offer.SupplierId);
            if (supplier is null || !supplier.IsActive)
            {
                unassigned.Add(new UnassignedProduct(alert.ProductId, product.Sku, alert.LocationId, supplier is null ? NoPreferredSupplier : SupplierInactive));
                continue;
            }

            var key = (alert.ProductId, alert.LocationId);
            var setting = settings.GetValueOrDefault(key);
            var reorderPoint = setting?.ReorderPoint ?? product.ReorderPoint ?? alert.ReorderPoint;
            var reorderQuantity = setting?.ReorderQuantity ?? product.ReorderQuantity;
            var maxLevel = setting?.MaxLevel ?? product.MaxLevel;
            var have = available.GetValueOrDefault(key);
            var coming = onOrder.GetValueOrDefault(key);
            var quantity = OrderQuantity.ForReorder(have, coming, reorderPoint, reorderQuantity, maxLevel, offer!.MinOrderQuantity, offer.OrderMultiple);
            if (quantity <= 0)
            {
                continue;
            }

            lines.Add((supplier, alert.LocationId, new ProposedLine(
                alert.ProductId, product.Sku, product.Name, offer.SupplierSku, have, coming, reorderPoint, reorderQuantity, maxLevel,
                offer.MinOrderQuantity, offer.OrderMultiple, quantity, SupplierPriceBreaks.UnitPriceFor(offer, quantity))));
        }

        var orders = lines.GroupBy(l => (l.Supplier.Id, l.LocationId))
            .Select(g =>
            {
                var supplier = g.First().Supplier;
                var proposed = g.Select(l => l.Line).ToList();
                return new ProposedOrder(supplier.Id, supplier.Code, supplier.Name, g.Key.LocationId, supplier.Currency, proposed,
                    proposed.Sum(l => l.Quantity * l.UnitPrice));
            })
            .OrderBy(o => o.SupplierCode, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.LocationId)
            .ToList();
        return new FromAlertsPlan(orders, unassigned);
    }

    /// <summary>Makes the planned drafts in one transaction (each numbered from this site's counter).</summary>
    public async Task<FromAlertsResult> CreateAsync(Guid? createdBy, bool showPrices, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Planned inside the transaction, so two clicks at once cannot both order the same shortfall.
        var plan = await PlanAsync(ct);
        var now = time.GetUtcNow();
        var made = new List<PurchaseOrder>();
        var supplierIds = plan.Orders.Select(o => o.SupplierId).Distinct().ToList();
        var locationIds = plan.Orders.Select(o => o.LocationId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        foreach (var proposed in plan.Orders)
        {
            var resolved = new ResolvedOrder(suppliers[proposed.SupplierId], locations[proposed.LocationId],
                [.. proposed.Lines.Select(l => new ResolvedLine(null, l.ProductId, l.Quantity, l.UnitPrice, l.SupplierSku))]);
            var po = await drafts.NewOrderAsync(resolved, null, "Made from reorder alerts.", createdBy, now, ct);
            db.PurchaseOrders.Add(po);
            made.Add(po);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var views = await reader.ViewsAsync(made, showPrices, ct);
        return new FromAlertsResult(views, plan.Unassigned);
    }

    /// <summary>
    /// What this site's open POs (neither cancelled nor closed) still bring per product and location: ordered − received,
    /// never below 0. Open POs are few (tens to hundreds) whatever the catalog's size, so all their lines are read.
    /// </summary>
    private async Task<Dictionary<(Guid, Guid), decimal>> OnOrderAsync(string site, CancellationToken ct)
    {
        var lines = await (from o in db.PurchaseOrders.AsNoTracking()
                           where o.CancelledAt == null && o.ClosedAt == null && o.SiteCode == site
                           from l in o.Lines
                           select new { OrderId = o.Id, o.LocationId, LineId = l.Id, l.ProductId, l.Quantity })
            .ToListAsync(ct);
        var received = await reader.ReceivedAsync([.. lines.Select(l => l.OrderId).Distinct()], ct);
        var result = new Dictionary<(Guid, Guid), decimal>();
        foreach (var line in lines)
        {
            var got = received.GetValueOrDefault(DocumentReference.Line(line.OrderId, line.LineId));
            var key = (line.ProductId, line.LocationId);
            result[key] = result.GetValueOrDefault(key) + Math.Max(0, line.Quantity - got);
        }

        return result;
    }
}
