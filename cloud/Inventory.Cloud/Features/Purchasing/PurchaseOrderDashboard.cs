using Inventory.Cloud.Infrastructure.Data;
using Inventory.Cloud.Infrastructure.Data.Entities;
using Inventory.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Purchasing;

/// <summary>What is still to come from one supplier, at the POs' prices.</summary>
public sealed record SupplierOpenValue(Guid SupplierId, string? SupplierName, string Currency, int OpenOrders, decimal OpenAmount);

/// <summary>The cloud's purchasing page: POs across sites, open value by supplier, late POs.</summary>
public sealed record PurchaseOrderOverview(
    IReadOnlyList<PurchaseOrderView> Orders, IReadOnlyList<SupplierOpenValue> OpenBySupplier, IReadOnlyList<PurchaseOrderView> Late);

/// <summary>The data of the /purchase-orders page, read through the same views as the API.</summary>
public static class PurchaseOrderDashboard
{
    public const int MaxListed = 200;

    public static async Task<PurchaseOrderOverview> LoadAsync(
        CloudDbContext db, string? status, Guid? supplierId, string? siteCode, bool prices, DateOnly today, CancellationToken ct)
    {
        var recent = await db.PurchaseOrders.AsNoTracking().Include(p => p.Lines)
            .Where(p => supplierId == null || p.SupplierId == supplierId)
            .Where(p => siteCode == null || p.SiteCode == siteCode)
            .OrderByDescending(p => p.Seq).Take(MaxListed).AsSplitQuery().ToListAsync(ct);
        var listed = await PurchaseOrderViews.BuildAsync(db, recent, prices, today, ct);
        if (status is not null)
        {
            listed = [.. listed.Where(v => v.Status == status)];
        }

        // Open and late are over every PO not cancelled or closed, not only the listed ones.
        List<PurchaseOrder> open = await db.PurchaseOrders.AsNoTracking().Include(p => p.Lines)
            .Where(p => p.CancelledAt == null && p.ClosedAt == null).AsSplitQuery().ToListAsync(ct);
        var openViews = (await PurchaseOrderViews.BuildAsync(db, open, prices: true, today, ct))
            .Where(v => PurchaseOrderStatus.Open.Contains(v.Status, StringComparer.Ordinal)).ToList();
        var bySupplier = prices
            ? openViews.GroupBy(v => (v.SupplierId, v.Currency))
                .Select(g => new SupplierOpenValue(g.Key.SupplierId, g.First().SupplierName, g.Key.Currency, g.Count(), g.Sum(v => v.OpenAmount ?? 0m)))
                .OrderByDescending(s => s.OpenAmount).ToList()
            : [];
        var late = openViews.Where(v => v.Late).OrderBy(v => v.ExpectedDate).ToList();
        if (!prices)
        {
            late = (await PurchaseOrderViews.BuildAsync(db, [.. open.Where(p => late.Any(l => l.Id == p.Id))], prices: false, today, ct))
                .OrderBy(v => v.ExpectedDate).ToList();
        }

        return new PurchaseOrderOverview(listed, bySupplier, late);
    }
}
