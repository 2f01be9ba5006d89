using System.Globalization;
using System.Security.Claims;
using System.Text;
using Inventory.Domain.Accounts;
using Inventory.Domain.Ledger;
using Inventory.Domain.Lots;
using Inventory.Edge.Features.Catalog.Csv;
using Inventory.Edge.Features.Reports;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Inventory.Web.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Lots;

/// <summary>
/// GET /api/lots/trace: a lot's way through this box's own ledger, backward (receipts, PO, supplier) and forward
/// (shipments, transfers, on hand, scrapped). Every read starts from the index on (product_id, lot).
/// </summary>
internal static class LotTraceEndpoints
{
    /// <summary>Adjustment reasons that mean the stock was thrown away rather than corrected.</summary>
    private static readonly string[] ScrapReasons = ["expired", "recalled", "damage"];

    public static void MapLotTrace(this RouteGroupBuilder lots) =>
        lots.MapGet("/trace", Handle).RequirePermission(Permission.ViewInventory)
            .WithName("TraceLot").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesFiles("text/csv", "application/pdf")
            .WithSummary("A lot's receipts (PO, supplier), shipments, transfers, stock on hand and scrap at this box; format=csv for one table, pdf for a recall file.");

    private static async Task<Results<Ok<LotTrace>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        Guid? productId, string? lot, string? format, EdgeDbContext db, ClaimsPrincipal user, TimeProvider time,
        IOptions<EdgeOptions> edge, IOptions<ReportsOptions> reports, CancellationToken ct)
    {
        var v = new Validation()
            .Require(productId is not null && productId != Guid.Empty, "productId", "'productId' is required.")
            .Require(!string.IsNullOrWhiteSpace(lot), "lot", "'lot' is required.")
            .Require(format is null or "json" or "csv" or "pdf", "format", "'format' is json, csv or pdf.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var (product, code) = (productId!.Value, lot!.Trim());
        var trace = await ReadAsync(db, product, code, user.Can(Permission.ViewCostPrices), LotQueries.Today(time), ct);
        if (trace is null)
        {
            return Problems.NotFound($"Lot {code} of this product has no movement and no row at this box.");
        }

        return format switch
        {
            "csv" => TypedResults.File(Csv(trace), "text/csv; charset=utf-8", $"lot-trace-{code}.csv"),
            "pdf" => TypedResults.File(await PdfAsync(db, trace, user.Can(Permission.ViewCostPrices), edge.Value.Site, reports.Value, time, ct),
                "application/pdf", $"lot-trace-{code}.pdf"),
            _ => TypedResults.Ok(trace),
        };
    }

    private static async Task<byte[]> PdfAsync(
        EdgeDbContext db, LotTrace trace, bool costs, SiteOptions site, ReportsOptions reports, TimeProvider time, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == trace.ProductId).Select(p => new { p.Sku, p.Name }).FirstOrDefaultAsync(ct);
        var holdReason = await db.Lots.AsNoTracking().Where(l => l.ProductId == trace.ProductId && l.Code == trace.Lot && l.Status == LotStatus.Hold)
            .Select(l => l.HoldReason).FirstOrDefaultAsync(ct);
        var made = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        DejaVuFontResolver.EnsureInstalled(reports.FontDirectory);
        return LotTracePdf.Render(trace, new LotTraceHeading(product?.Sku ?? "?", product?.Name ?? "", holdReason), costs,
            $"Site {site.Code} · {site.Name} · made {made} UTC · this box's own ledger");
    }

    internal static async Task<LotTrace?> ReadAsync(EdgeDbContext db, Guid product, string code, bool costs, DateOnly today, CancellationToken ct)
    {
        var movements = await db.StockMovements.AsNoTracking()
            .Where(m => m.ProductId == product && m.Lot == code).OrderBy(m => m.Seq).ToListAsync(ct);
        var levels = await db.StockLevels.AsNoTracking()
            .Where(l => l.ProductId == product && l.Lot == code && l.Quantity > 0).ToListAsync(ct);
        var view = (await LotQueries.ForProductAsync(db, product, today, ct)).FirstOrDefault(l => l.Lot == code);
        var hasRow = await db.Lots.AsNoTracking().AnyAsync(l => l.ProductId == product && l.Code == code, ct);
        if (movements.Count == 0 && !hasRow)
        {
            return null;
        }

        var transferIds = movements.Where(m => m.ReferenceType == "transfer" && Guid.TryParse(m.ReferenceId, out _))
            .Select(m => Guid.Parse(m.ReferenceId!, CultureInfo.InvariantCulture)).Distinct().ToList();
        var transfers = await db.Transfers.AsNoTracking().Where(t => transferIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var locationIds = movements.Select(m => m.LocationId).Concat(levels.Select(l => l.LocationId))
            .Concat(transfers.Values.SelectMany(t => new[] { t.FromLocationId, t.ToLocationId })).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => (l.Code, l.SiteCode), ct);
        var orders = await OrdersAsync(db, movements.Where(m => m.Type == "receive").Select(m => m.ReferenceType == DocumentReference.PurchaseOrder
            && DocumentReference.TryParse(m.ReferenceId, out var id, out _) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList(), ct);
        string? Code(Guid id) => locations.TryGetValue(id, out var l) ? l.Code : null;
        string? Site(Guid id) => locations.TryGetValue(id, out var l) ? l.SiteCode : null;

        var receipts = movements.Where(m => m.Type == "receive").Select(m =>
        {
            var order = DocumentReference.TryParse(m.ReferenceId, out var id, out _) && m.ReferenceType == DocumentReference.PurchaseOrder
                ? orders.GetValueOrDefault(id) : default;
            return new LotTraceReceipt(m.Id, m.OccurredAt, m.LocationId, Code(m.LocationId), m.Bin, Math.Abs(m.Quantity), m.ReferenceType,
                m.ReferenceId, order.Number, order.SupplierCode, order.SupplierName, costs ? m.UnitCost : null);
        }).ToList();
        var shipments = movements.Where(m => m.Type is "ship" or "return").Select(m => new LotTraceShipment(
            m.Id, m.Type, m.OccurredAt, m.LocationId, Code(m.LocationId), m.Bin, Math.Abs(m.Quantity), m.ReferenceType, m.ReferenceId,
            CustomerName: null)).ToList();
        var transferList = movements.Where(m => m.Type is "transfer_out" or "transfer_in")
            .GroupBy(m => m.ReferenceId ?? m.Id.ToString())
            .Select(g =>
            {
                var outs = g.Where(m => m.Type == "transfer_out").ToList();
                var ins = g.Where(m => m.Type == "transfer_in").ToList();
                var known = Guid.TryParse(g.Key, CultureInfo.InvariantCulture, out var tid) ? transfers.GetValueOrDefault(tid) : null;
                Guid? from = outs.Count > 0 ? outs[0].LocationId : known?.FromLocationId;
                Guid? to = ins.Count > 0 ? ins[0].LocationId : known?.ToLocationId;
                return new LotTraceTransfer(g.Key, outs.Concat(ins).Min(m => m.OccurredAt),
                    from is { } f ? Site(f) ?? known?.FromSite : known?.FromSite, from, from is { } f2 ? Code(f2) : null,
                    to is { } t ? Site(t) ?? known?.ToSite : known?.ToSite, to, to is { } t2 ? Code(t2) : null,
                    outs.Count > 0 ? outs.Sum(m => Math.Abs(m.Quantity)) : known?.QuantityShipped,
                    ins.Count > 0 ? ins.Sum(m => Math.Abs(m.Quantity)) : known?.QuantityReceived,
                    ins.Count > 0 ? ins.Max(m => m.OccurredAt) : known?.ReceivedAt);
            })
            .OrderBy(t => t.At).ToList();
        var onHand = levels.OrderBy(l => Code(l.LocationId), StringComparer.Ordinal).ThenBy(l => l.Bin, StringComparer.Ordinal)
            .Select(l => new LotTraceOnHand(l.LocationId, Code(l.LocationId), l.Bin, l.Quantity)).ToList();
        var scrapped = movements.Where(m => m.Type == "adjust" && m.Quantity < 0 && m.Reason is not null && ScrapReasons.Contains(m.Reason))
            .Select(m => new LotTraceScrap(m.Id, m.OccurredAt, m.LocationId, Code(m.LocationId), m.Bin, -m.Quantity, m.Reason!)).ToList();
        return new LotTrace(product, code, view?.Expiry, view?.Status ?? "available", receipts, shipments, transferList, onHand, scrapped);
    }

    private static async Task<Dictionary<Guid, (string? Number, string? SupplierCode, string? SupplierName)>> OrdersAsync(
        EdgeDbContext db, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await (from o in db.PurchaseOrders.AsNoTracking()
                          join s in db.Suppliers.AsNoTracking() on o.SupplierId equals s.Id into suppliers
                          from s in suppliers.DefaultIfEmpty()
                          where ids.Contains(o.Id)
                          select new { o.Id, o.Number, SupplierCode = s == null ? null : s.Code, SupplierName = s == null ? null : s.Name })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => ((string?)r.Number, (string?)r.SupplierCode, (string?)r.SupplierName));
    }

    /// <summary>One table: a <c>section</c> column (receipt, shipment, transfer, on_hand, scrapped) and the columns they share.</summary>
    private static byte[] Csv(LotTrace t)
    {
        var text = new StringBuilder();
        Row(text, "section", "at", "type", "from_site", "from_location", "to_site", "to_location", "bin", "quantity", "reference_type",
            "reference_id", "purchase_order", "supplier_code", "supplier_name", "unit_cost", "reason");
        foreach (var r in t.Receipts)
        {
            Row(text, "receipt", At(r.At), "receive", null, null, null, r.LocationCode, r.Bin, Num(r.Quantity), r.ReferenceType, r.ReferenceId,
                r.PurchaseOrderNumber, r.SupplierCode, r.SupplierName, r.UnitCost?.ToString(CultureInfo.InvariantCulture), null);
        }

        foreach (var s in t.Shipments)
        {
            Row(text, "shipment", At(s.At), s.Type, null, s.LocationCode, null, null, s.Bin, Num(s.Quantity), s.ReferenceType, s.ReferenceId,
                null, null, null, null, null);
        }

        foreach (var x in t.Transfers)
        {
            Row(text, "transfer", At(x.At), "transfer", x.FromSite, x.FromLocationCode, x.ToSite, x.ToLocationCode, null,
                x.QuantityOut is { } q ? Num(q) : null, "transfer", x.ReferenceId, null, null, null, null, null);
        }

        foreach (var h in t.OnHand)
        {
            Row(text, "on_hand", null, null, null, null, null, h.LocationCode, h.Bin, Num(h.Quantity), null, null, null, null, null, null, null);
        }

        foreach (var s in t.Scrapped)
        {
            Row(text, "scrapped", At(s.At), "adjust", null, s.LocationCode, null, null, s.Bin, Num(s.Quantity), null, null, null, null, null,
                null, s.Reason);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder text, params string?[] cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            CsvCells.Append(line, cells[i]);
        }

        text.Append(line).Append("\r\n");
    }
}
