using System.Globalization;
using Inventory.Web.Pdf;

namespace Inventory.Edge.Features.Lots;

/// <summary>What heads a lot's trace on paper: the product as people know it and the lot's hold, which the trace itself does not carry.</summary>
internal sealed record LotTraceHeading(string Sku, string ProductName, string? HoldReason);

/// <summary>
/// A lot's trace at this box as a PDF for a recall file: the lot (product, code, expiry, status, hold reason), then the
/// CSV's sections as tables. The unit cost column is there only for a role with ViewCostPrices (the trace then has it).
/// </summary>
internal static class LotTracePdf
{
    public static byte[] Render(LotTrace t, LotTraceHeading heading, bool costs, string siteLine)
    {
        string At(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
        string Num(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

        var lines = new List<string>
        {
            siteLine,
            $"Product {heading.Sku} · {heading.ProductName}",
            $"Lot {t.Lot} · expiry {t.Expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"} · status {t.Status}",
        };
        if (heading.HoldReason is not null)
        {
            lines.Add("Hold reason: " + heading.HoldReason);
        }

        List<PdfColumn> receiptColumns =
        [
            new("At", Width: 1.2), new("Location"), new("Bin"), new("Quantity", true), new("Reference", Width: 1.5),
            new("PO"), new("Supplier", Width: 1.5),
        ];
        if (costs)
        {
            receiptColumns.Add(new("Unit cost", true));
        }

        var receipts = t.Receipts.Select(r =>
        {
            string?[] cells = [At(r.At), r.LocationCode, r.Bin, Num(r.Quantity), Reference(r.ReferenceType, r.ReferenceId),
                r.PurchaseOrderNumber, Supplier(r.SupplierCode, r.SupplierName)];
            return costs ? [.. cells, r.UnitCost?.ToString("0.00##", CultureInfo.InvariantCulture)] : cells;
        }).ToList();
        var shipments = t.Shipments.Select(s => new string?[]
        {
            At(s.At), s.Type, s.LocationCode, s.Bin, Num(s.Quantity), Reference(s.ReferenceType, s.ReferenceId), s.CustomerName,
        }).ToList();
        var transfers = t.Transfers.Select(x => new string?[]
        {
            At(x.At), Place(x.FromSite, x.FromLocationCode), Place(x.ToSite, x.ToLocationCode), Num(x.QuantityOut), Num(x.QuantityIn),
            At(x.ReceivedAt), x.ReferenceId,
        }).ToList();
        var onHand = t.OnHand.Select(h => new string?[] { h.LocationCode, h.Bin, Num(h.Quantity) }).ToList();
        var scrapped = t.Scrapped.Select(s => new string?[] { At(s.At), s.LocationCode, s.Bin, Num(s.Quantity), s.Reason }).ToList();

        return PdfTables.Render(new PdfTableDocument($"Lot trace {t.Lot}", "Inventory edge", lines,
        [
            new PdfSection("Receipts", receiptColumns, receipts, Empty: "None."),
            new PdfSection("Shipments and returns",
                [new("At", Width: 1.2), new("Type"), new("Location"), new("Bin"), new("Quantity", true), new("Reference", Width: 1.5), new("Customer", Width: 1.5)],
                shipments, Empty: "None."),
            new PdfSection("Transfers",
                [new("At", Width: 1.2), new("From", Width: 1.3), new("To", Width: 1.3), new("Out", true), new("In", true), new("Received", Width: 1.2), new("Transfer", Width: 2)],
                transfers, Empty: "None."),
            new PdfSection("On hand", [new("Location"), new("Bin"), new("Quantity", true)], onHand,
                Footer: "Total on hand: " + Num(t.OnHand.Sum(h => h.Quantity)), Empty: "None."),
            new PdfSection("Scrapped", [new("At", Width: 1.2), new("Location"), new("Bin"), new("Quantity", true), new("Reason")], scrapped,
                Empty: "None."),
        ]));
    }

    private static string? Reference(string? type, string? id) => type is null ? id : id is null ? type : type + " " + id;

    private static string? Supplier(string? code, string? name) => code is null ? name : name is null ? code : code + " · " + name;

    private static string? Place(string? site, string? location) => site is null ? location : location is null ? site : site + " " + location;
}
