using Inventory.Edge.Features.Reports;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>Everything printed on a PO: the buyer, the supplier, the delivery location and the lines.</summary>
public sealed record PurchaseOrderDocument(
    PurchaseOrderView Order,
    string CompanyName,
    string? CompanyAddress,
    string SiteCode,
    string SiteName,
    string SupplierName,
    string? SupplierAddress,
    string? SupplierEmail,
    string? PaymentTerms,
    string LocationName,
    string? LocationCode,
    string? LocationAddress,
    bool ShowPrices);

/// <summary>Loads a PO's document and renders it as PDF, for GET /pdf (prices per the caller) and the supplier's mail (with prices).</summary>
public sealed class PurchaseOrderDocuments(
    EdgeDbContext db, PurchaseOrderReader reader, IOptions<EdgeOptions> edge, IOptions<PurchasingOptions> purchasing,
    IOptions<ReportsOptions> reports)
{
    public async Task<PurchaseOrderDocument?> LoadAsync(Guid id, bool showPrices, CancellationToken ct)
    {
        var order = await reader.ReadAsync(id, showPrices, ct);
        if (order is null)
        {
            return null;
        }

        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == order.SupplierId, ct);
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == order.LocationId, ct);
        var site = edge.Value.Site;
        var options = purchasing.Value;
        return new PurchaseOrderDocument(
            order, string.IsNullOrWhiteSpace(options.CompanyName) ? site.Name : options.CompanyName, options.CompanyAddress, site.Code, site.Name,
            supplier?.Name ?? order.SupplierName ?? "(unknown supplier)", supplier?.Address, supplier?.Email, supplier?.PaymentTerms,
            location?.Name ?? "(unknown location)", location?.Code, location?.Address, showPrices);
    }

    public byte[] Render(PurchaseOrderDocument document)
    {
        DejaVuFontResolver.EnsureInstalled(reports.Value.FontDirectory);
        return PurchaseOrderPdf.Render(document);
    }
}
