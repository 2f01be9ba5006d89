using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>
/// Reads purchase orders with what was received against each line, summed over the ledger (movements with
/// reference type <c>purchase_order</c> and reference <c>{po}/{line}</c>), and their derived status.
/// </summary>
public sealed class PurchaseOrderReader(EdgeDbContext db)
{
    public async Task<PurchaseOrderView?> ReadAsync(Guid id, bool showPrices, CancellationToken ct)
    {
        var order = await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
        return order is null ? null : (await ViewsAsync([order], showPrices, ct))[0];
    }

    /// <summary>Views of several orders with two queries in all (received sums, names), not two per order.</summary>
    public async Task<IReadOnlyList<PurchaseOrderView>> ViewsAsync(IReadOnlyList<PurchaseOrder> orders, bool showPrices, CancellationToken ct)
    {
        var received = await ReceivedAsync(orders.Select(o => o.Id).ToList(), ct);
        var productIds = orders.SelectMany(o => o.Lines).Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Sku, p.Name }).ToDictionaryAsync(p => p.Id, ct);
        var supplierIds = orders.Select(o => o.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Code, s.Name }).ToDictionaryAsync(s => s.Id, ct);

        return [.. orders.Select(o =>
        {
            var lines = o.Lines.OrderBy(l => l.LineNumber).Select(l =>
            {
                var got = received.GetValueOrDefault(DocumentReference.Line(o.Id, l.Id));
                var product = products.GetValueOrDefault(l.ProductId);
                var variance = got - l.Quantity;
                return new PurchaseOrderLineView(l.Id, l.LineNumber, l.ProductId, product?.Sku, product?.Name, l.SupplierSku,
                    l.Quantity, got, Math.Max(0, l.Quantity - got), variance,
                    showPrices ? l.UnitPrice : null, showPrices ? l.Quantity * l.UnitPrice : null, showPrices ? variance * l.UnitPrice : null);
            }).ToList();
            var sums = lines.Select(l => (l.Quantity, l.Received)).ToList();
            var events = new PurchaseOrderEvents(o.SentAt, o.CancelledAt, o.ClosedAt);
            var supplier = suppliers.GetValueOrDefault(o.SupplierId);
            return new PurchaseOrderView(o.Id, o.Number, PurchaseOrderStatus.Derive(sums, events), PurchaseOrderStatus.NeedsAttention(sums, events),
                o.SupplierId, supplier?.Code, supplier?.Name, o.LocationId, o.SiteCode, o.ExpectedDate, o.Notes, o.Currency,
                showPrices ? o.Lines.Sum(l => l.Quantity * l.UnitPrice) : null,
                showPrices ? o.Lines.Sum(l => received.GetValueOrDefault(DocumentReference.Line(o.Id, l.Id)) * l.UnitPrice) : null,
                lines, o.SentAt, o.CancelledAt, o.ClosedAt, o.CloseReason, o.CreatedAt, o.UpdatedAt);
        })];
    }

    /// <summary>Received quantity per line reference of the given orders, from the ledger.</summary>
    public async Task<Dictionary<string, decimal>> ReceivedAsync(IReadOnlyList<Guid> orderIds, CancellationToken ct)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var id in orderIds)
        {
            // A range on (reference_type, reference_id) rather than LIKE: SQLite's LIKE is case-insensitive and
            // would not use the index, and every receipt ever made shares the reference type.
            var (from, to) = DocumentReference.Range(id);
            var sums = await db.StockMovements.AsNoTracking()
                .Where(m => m.ReferenceType == DocumentReference.PurchaseOrder
                            && string.Compare(m.ReferenceId, from) >= 0 && string.Compare(m.ReferenceId, to) < 0)
                .GroupBy(m => m.ReferenceId!)
                .Select(g => new { g.Key, Quantity = g.Sum(m => m.Quantity) })
                .ToListAsync(ct);
            foreach (var s in sums)
            {
                result[s.Key] = s.Quantity;
            }
        }

        return result;
    }
}
