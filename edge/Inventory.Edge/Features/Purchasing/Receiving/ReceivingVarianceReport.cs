using System.Globalization;
using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Features.Reports;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Purchasing.Receiving;

/// <summary>One PO line: what was ordered, what the ledger received against it, the difference and (for those who see prices) its value.</summary>
public sealed record ReceivingVarianceItem(
    Guid PurchaseOrderId, string Number, string Status, string? SupplierCode, string? SupplierName, Guid LineId, int LineNumber,
    Guid ProductId, string? Sku, string? Name, decimal Ordered, decimal Received, decimal Difference, decimal? UnitPrice, decimal? Value);

public sealed record ReceivingVariance(
    DateTimeOffset? From, DateTimeOffset? To, Guid? SupplierId, decimal? TotalValue, IReadOnlyList<ReceivingVarianceItem> Items);

/// <summary>
/// Receiving variance per PO line over the POs made in [from, to) (of one supplier if asked) that goods were received
/// against or that were closed: ordered, received (a sum over the ledger), difference = received − ordered, and its
/// value at the PO line's price for purchasing and managers only. Drafts, sent POs with nothing received yet and
/// POs cancelled before any receipt have no variance to show.
/// </summary>
public sealed class ReceivingVarianceReport(EdgeDbContext db, PurchaseOrderReader reader)
{
    /// <summary>More POs than this in one report is a range to narrow.</summary>
    public const int MaxOrders = 20_000;

    internal static async Task<Results<Ok<ReceivingVariance>, FileContentHttpResult, ValidationProblem>> Handle(
        DateTimeOffset? from, DateTimeOffset? to, Guid? supplierId, string? format, ClaimsPrincipal user,
        ReceivingVarianceReport report, ReportOutput output, CancellationToken cancellationToken)
    {
        var v = new Validation().Require(from is null || to is null || from < to, "to", "'to' is after 'from'.");
        v = ReportOutput.Format(v, format, out var parsed);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var showPrices = user.Can(Permission.ViewSupplierPrices);
        var result = await report.RunAsync(from, to, supplierId, showPrices, cancellationToken);
        return output.Send(parsed, result, () => Table(result, showPrices));
    }

    public async Task<ReceivingVariance> RunAsync(DateTimeOffset? from, DateTimeOffset? to, Guid? supplierId, bool showPrices, CancellationToken ct)
    {
        var query = db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).AsQueryable();
        if (from is { } f)
        {
            query = query.Where(o => o.CreatedAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(o => o.CreatedAt < t);
        }

        if (supplierId is { } s)
        {
            query = query.Where(o => o.SupplierId == s);
        }

        var orders = await query.OrderBy(o => o.CreatedAt).ThenBy(o => o.Number).Take(MaxOrders).ToListAsync(ct);
        var views = await reader.ViewsAsync(orders, showPrices, ct);
        var items = views
            .Where(o => o.Status is PurchaseOrderStatus.Partial or PurchaseOrderStatus.Received or PurchaseOrderStatus.Closed || o.NeedsAttention)
            .SelectMany(o => o.Lines.Select(l => new ReceivingVarianceItem(
                o.Id, o.Number, o.Status, o.SupplierCode, o.SupplierName, l.Id, l.LineNumber, l.ProductId, l.Sku, l.Name,
                l.Quantity, l.Received, l.Variance, l.UnitPrice, l.VarianceValue)))
            .ToList();
        return new ReceivingVariance(from, to, supplierId, showPrices ? items.Sum(i => i.Value ?? 0) : null, items);
    }

    private static ReportTable Table(ReceivingVariance report, bool showPrices)
    {
        static string N(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
        static string Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
        var filters = new List<KeyValuePair<string, string>>();
        if (report.From is { } f)
        {
            filters.Add(new("from", f.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        }

        if (report.To is { } t)
        {
            filters.Add(new("to", t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        }

        if (report.SupplierId is { } s)
        {
            filters.Add(new("supplier", s.ToString()));
        }

        return new ReportTable(
            "receiving-variance", "Receiving variance per purchase order line", filters,
            [new("PO", Width: 1.5), new("Status"), new("Supplier"), new("Line", true, 0.5), new("SKU", Width: 1.5), new("Name", Width: 2.5),
             new("Ordered", true), new("Received", true), new("Difference", true),
             .. (showPrices ? new[] { new ReportColumn("Unit price", true), new ReportColumn("Value", true) } : [])],
            [.. report.Items.Select(i => (string?[])
            [
                i.Number, i.Status, i.SupplierCode, i.LineNumber.ToString(CultureInfo.InvariantCulture), i.Sku, i.Name,
                N(i.Ordered), N(i.Received), N(i.Difference),
                .. (showPrices ? new[] { Money(i.UnitPrice), Money(i.Value) } : []),
            ])],
            report.TotalValue is { } total ? $"Total variance value {Money(total)}" : null);
    }
}
