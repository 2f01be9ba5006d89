using Inventory.Cloud.Infrastructure.Data;
using Inventory.Cloud.Infrastructure.Data.Entities;
using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Purchasing;

/// <summary>
/// A line as answered: <c>received</c> is the sum of the cloud's copy of every site's ledger over the movements that
/// reference the line; <c>unitPrice</c> and <c>varianceValue</c> only for those who see supplier prices.
/// </summary>
public sealed record PurchaseOrderLineView(
    Guid Id, Guid ProductId, string? Sku, string? ProductName, decimal Quantity, decimal Received, decimal Variance,
    decimal? UnitPrice, decimal? VarianceValue, string? SupplierSku);

/// <summary>
/// A purchase order as answered. <c>status</c> is derived (PurchaseOrderStatus.Derive); <c>needsAttention</c> is a
/// cancel that met receipts; <c>late</c> is an expected date passed while goods are still awaited. Without
/// ViewSupplierPrices there is no price field at all (no <c>unitPrice</c>, no <c>totalAmount</c>).
/// </summary>
public sealed record PurchaseOrderView(
    Guid Id, string Number, string Status, bool NeedsAttention, bool Late, Guid SupplierId, string? SupplierName, Guid LocationId,
    string SiteCode, DateOnly? ExpectedDate, string? Notes, string Currency, IReadOnlyList<PurchaseOrderLineView> Lines,
    decimal? TotalAmount, decimal? OpenAmount, DateTimeOffset? SentAt, DateTimeOffset? CancelledAt, DateTimeOffset? ClosedAt,
    string? CloseReason, Guid? CreatedBy, string? EditedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Builds <see cref="PurchaseOrderView"/>s from the tables and the ledger sums; the API and the pages read through it.</summary>
public static class PurchaseOrderViews
{
    public static async Task<IReadOnlyDictionary<string, long>> ReceivedAsync(
        CloudDbContext db, IEnumerable<PurchaseOrder> orders, CancellationToken ct)
    {
        var refs = orders.SelectMany(o => o.Lines.Select(l => DocumentReference.Line(o.Id, l.Id))).ToList();
        if (refs.Count == 0)
        {
            return new Dictionary<string, long>();
        }

        return await db.StockMovements.AsNoTracking()
            .Where(m => m.ReferenceType == DocumentReference.PurchaseOrder && refs.Contains(m.ReferenceId!))
            .GroupBy(m => m.ReferenceId!)
            .Select(g => new { g.Key, Quantity = g.Sum(m => m.Quantity) })
            .ToDictionaryAsync(g => g.Key, g => g.Quantity, ct);
    }

    public static IReadOnlyList<(decimal Ordered, decimal Received)> Sums(PurchaseOrder po, IReadOnlyDictionary<string, long> received) =>
        [.. po.Lines.Select(l => (l.Quantity, (decimal)received.GetValueOrDefault(DocumentReference.Line(po.Id, l.Id))))];

    public static PurchaseOrderEvents Events(PurchaseOrder po) => new(po.SentAt, po.CancelledAt, po.ClosedAt);

    public static string Status(PurchaseOrder po, IReadOnlyDictionary<string, long> received) =>
        PurchaseOrderStatus.Derive(Sums(po, received), Events(po));

    /// <summary>Goods are still awaited after the expected date.</summary>
    public static bool IsLate(PurchaseOrder po, string status, DateOnly today) =>
        po.ExpectedDate is { } expected && expected < today && PurchaseOrderStatus.Open.Contains(status, StringComparer.Ordinal);

    public static async Task<List<PurchaseOrderView>> BuildAsync(
        CloudDbContext db, IReadOnlyList<PurchaseOrder> orders, bool prices, DateOnly today, CancellationToken ct)
    {
        var received = await ReceivedAsync(db, orders, ct);
        var supplierIds = orders.Select(o => o.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var productIds = orders.SelectMany(o => o.Lines.Select(l => l.ProductId)).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Sku, p.Name }).ToDictionaryAsync(p => p.Id, ct);
        return [.. orders.Select(po => Build(po, received, suppliers.GetValueOrDefault(po.SupplierId),
            id => products.TryGetValue(id, out var p) ? (p.Sku, p.Name) : (null, null), prices, today))];
    }

    private static PurchaseOrderView Build(
        PurchaseOrder po, IReadOnlyDictionary<string, long> received, string? supplierName, Func<Guid, (string? Sku, string? Name)> product,
        bool prices, DateOnly today)
    {
        var sums = Sums(po, received);
        var status = PurchaseOrderStatus.Derive(sums, Events(po));
        var open = PurchaseOrderStatus.Open.Contains(status, StringComparer.Ordinal);
        var lines = po.Lines.OrderBy(l => l.Position).Select(l =>
        {
            var got = (decimal)received.GetValueOrDefault(DocumentReference.Line(po.Id, l.Id));
            var (sku, name) = product(l.ProductId);
            return new PurchaseOrderLineView(l.Id, l.ProductId, sku, name, l.Quantity, got, got - l.Quantity,
                prices ? l.UnitPrice : null, prices ? (got - l.Quantity) * l.UnitPrice : null, l.SupplierSku);
        }).ToList();
        return new PurchaseOrderView(
            po.Id, po.Number, status, PurchaseOrderStatus.NeedsAttention(sums, Events(po)), IsLate(po, status, today), po.SupplierId,
            supplierName, po.LocationId, po.SiteCode, po.ExpectedDate, po.Notes, po.Currency, lines,
            prices ? po.Lines.Sum(l => l.Quantity * l.UnitPrice) : null,
            prices ? (open ? OpenAmount(po, received) : 0m) : null,
            po.SentAt, po.CancelledAt, po.ClosedAt, po.CloseReason, po.CreatedBy, po.EditedAt, po.CreatedAt, po.UpdatedAt);
    }

    /// <summary>What is still to come, at the PO's prices: each line's shortfall (never an over-receipt's credit).</summary>
    public static decimal OpenAmount(PurchaseOrder po, IReadOnlyDictionary<string, long> received) =>
        po.Lines.Sum(l => Math.Max(0m, l.Quantity - received.GetValueOrDefault(DocumentReference.Line(po.Id, l.Id))) * l.UnitPrice);
}
