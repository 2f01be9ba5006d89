using System.Globalization;
using Inventory.Web.Pdf;
using static Inventory.Cloud.Features.Lots.LotTraceEndpoints;

namespace Inventory.Cloud.Features.Lots;

/// <summary>
/// A lot's trace across every site as a PDF for a recall file: the lot (product, code, expiry, status, hold reason), then
/// the CSV's sections as tables with the site of every entry, on hand per site with a total per site. The unit cost
/// column is there only for a role with ViewCostPrices (the trace then has it).
/// </summary>
internal static class LotTracePdf
{
    public static byte[] Render(LotTrace t, string sku, string productName, string? holdReason, bool costs, DateTimeOffset made)
    {
        string At(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
        string Num(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

        var lines = new List<string>
        {
            $"All sites · made {At(made)} UTC",
            $"Product {sku} · {productName}",
            $"Lot {t.Lot} · expiry {t.Expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"} · status {t.Status}",
        };
        if (holdReason is not null)
        {
            lines.Add("Hold reason: " + holdReason);
        }

        List<PdfColumn> receiptColumns =
        [
            new("At", Width: 1.2), new("Site"), new("Location"), new("Bin"), new("Quantity", true), new("Reference", Width: 1.5),
            new("PO"), new("Supplier", Width: 1.5),
        ];
        if (costs)
        {
            receiptColumns.Add(new("Unit cost", true));
        }

        var receipts = t.Receipts.Select(r =>
        {
            string?[] cells = [At(r.At), r.SiteCode, r.LocationCode, r.Bin, Num(r.Quantity), Reference(r.ReferenceType, r.ReferenceId),
                r.PurchaseOrderNumber, Join(r.SupplierCode, r.SupplierName, " · ")];
            return costs ? [.. cells, r.UnitCost?.ToString("0.00##", CultureInfo.InvariantCulture)] : cells;
        }).ToList();
        var shipments = t.Shipments.Select(s => new string?[]
        {
            At(s.At), s.Type, s.SiteCode, s.LocationCode, s.Bin, Num(s.Quantity), Reference(s.ReferenceType, s.ReferenceId), s.CustomerName,
        }).ToList();
        var transfers = t.Transfers.Select(x => new string?[]
        {
            At(x.At), Join(x.FromSite, x.FromLocationCode, " "), Join(x.ToSite, x.ToLocationCode, " "), Num(x.QuantityOut), Num(x.QuantityIn),
            At(x.ReceivedAt), x.ReferenceId,
        }).ToList();
        var onHand = t.OnHand.Select(h => new string?[] { h.SiteCode, h.LocationCode, h.Bin, Num(h.Quantity) }).ToList();
        var perSite = string.Join(" · ", t.OnHand.GroupBy(h => h.SiteCode, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {Num(g.Sum(h => h.Quantity))}"));
        var scrapped = t.Scrapped.Select(s => new string?[] { At(s.At), s.SiteCode, s.LocationCode, s.Bin, Num(s.Quantity), s.Reason }).ToList();

        return PdfTables.Render(new PdfTableDocument($"Lot trace {t.Lot}", "Inventory cloud", lines,
        [
            new PdfSection("Receipts", receiptColumns, receipts, Empty: "None."),
            new PdfSection("Shipments and returns",
                [new("At", Width: 1.2), new("Type"), new("Site"), new("Location"), new("Bin"), new("Quantity", true), new("Reference", Width: 1.5),
                    new("Customer", Width: 1.5)],
                shipments, Empty: "None."),
            new PdfSection("Transfers",
                [new("At", Width: 1.2), new("From", Width: 1.3), new("To", Width: 1.3), new("Out", true), new("In", true), new("Received", Width: 1.2),
                    new("Transfer", Width: 2)],
                transfers, Empty: "None."),
            new PdfSection("On hand", [new("Site"), new("Location"), new("Bin"), new("Quantity", true)], onHand,
                Footer: t.OnHand.Count == 0 ? null : "On hand per site: " + perSite, Empty: "None."),
            new PdfSection("Scrapped", [new("At", Width: 1.2), new("Site"), new("Location"), new("Bin"), new("Quantity", true), new("Reason")],
                scrapped, Empty: "None."),
        ]));
    }

    private static string? Reference(string? type, string? id) => Join(type, id, " ");

    private static string? Join(string? a, string? b, string separator) => a is null ? b : b is null ? a : a + separator + b;
}
