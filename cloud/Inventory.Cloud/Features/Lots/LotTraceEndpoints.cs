using System.Globalization;
using System.Security.Claims;
using System.Text;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Domain.Ledger;
using Inventory.Domain.Lots;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Inventory.Web.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Lots;

/// <summary>
/// GET /api/lots/trace in the cloud: a lot's way through every site's replicated ledger, backward (receipts, PO,
/// supplier) and forward (shipments, transfers between locations and sites, on hand per site, scrapped). Quantities
/// are units moved, never negative. Every read starts from the index on stock_movements (product_id, lot).
/// </summary>
public static class LotTraceEndpoints
{
    public sealed record LotTrace(
        Guid ProductId, string Lot, DateOnly? Expiry, string Status, IReadOnlyList<LotTraceReceipt> Receipts,
        IReadOnlyList<LotTraceShipment> Shipments, IReadOnlyList<LotTraceTransfer> Transfers, IReadOnlyList<LotTraceOnHand> OnHand,
        IReadOnlyList<LotTraceScrap> Scrapped);

    /// <summary>A receive movement; PO number and supplier when it fulfils a PO line, <c>unitCost</c> only for ViewCostPrices.</summary>
    public sealed record LotTraceReceipt(
        Guid MovementId, DateTimeOffset At, string SiteCode, Guid LocationId, string? LocationCode, string Bin, long Quantity,
        string? ReferenceType, string? ReferenceId, string? PurchaseOrderNumber, string? SupplierCode, string? SupplierName, decimal? UnitCost);

    /// <summary>A ship or return movement; <c>customerName</c> stays null until sales orders exist.</summary>
    public sealed record LotTraceShipment(
        Guid MovementId, string Type, DateTimeOffset At, string SiteCode, Guid LocationId, string? LocationCode, string Bin, long Quantity,
        string? ReferenceType, string? ReferenceId, string? CustomerName);

    /// <summary>A transfer_out and its transfer_in (possibly at another site), paired by reference; the in side is absent while in transit.</summary>
    public sealed record LotTraceTransfer(
        string? ReferenceId, DateTimeOffset At, string? FromSite, Guid? FromLocationId, string? FromLocationCode, string? ToSite,
        Guid? ToLocationId, string? ToLocationCode, long? QuantityOut, long? QuantityIn, DateTimeOffset? ReceivedAt);

    public sealed record LotTraceOnHand(string SiteCode, Guid LocationId, string? LocationCode, string Bin, long Quantity);

    /// <summary>An adjustment out with reason expired, recalled or damage.</summary>
    public sealed record LotTraceScrap(
        Guid MovementId, DateTimeOffset At, string SiteCode, Guid LocationId, string? LocationCode, string Bin, long Quantity, string Reason);

    private static readonly string[] ScrapReasons = ["expired", "recalled", "damage"];

    public static void MapLotTraceApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/lots/trace", HandleAsync).RequirePermission(Permission.ViewInventory).WithTags("Lots")
            .WithName("TraceLot").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesFiles("text/csv", "application/pdf")
            .WithSummary("A lot's receipts (PO, supplier), shipments, transfers, stock on hand and scrap across every site; format=csv for one table, pdf for a recall file.");

    private static async Task<Results<Ok<LotTrace>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid? productId, string? lot, string? format, CloudDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
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
        var trace = await ReadAsync(db, product, code, user.Can(Permission.ViewCostPrices),
            DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct);
        if (trace is null)
        {
            return Problems.NotFound($"Lot {code} of this product has no movement and no row at any site.");
        }

        return format switch
        {
            "csv" => TypedResults.File(Csv(trace), "text/csv; charset=utf-8", $"lot-trace-{code}.csv"),
            "pdf" => TypedResults.File(await PdfAsync(db, trace, user.Can(Permission.ViewCostPrices), time, ct), "application/pdf", $"lot-trace-{code}.pdf"),
            _ => TypedResults.Ok(trace),
        };
    }

    private static async Task<byte[]> PdfAsync(CloudDbContext db, LotTrace trace, bool costs, TimeProvider time, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == trace.ProductId).Select(p => new { p.Sku, p.Name }).FirstOrDefaultAsync(ct);
        var holdReason = await db.Lots.AsNoTracking().Where(l => l.ProductId == trace.ProductId && l.Code == trace.Lot && l.Status == LotStatus.Hold)
            .Select(l => l.HoldReason).FirstOrDefaultAsync(ct);
        // The cloud has no report settings of its own: its image installs DejaVu where Debian puts it, as the box's does.
        DejaVuFontResolver.EnsureInstalled(DejaVuFontResolver.DefaultDirectory);
        return LotTracePdf.Render(trace, product?.Sku ?? "?", product?.Name ?? "", holdReason, costs, time.GetUtcNow());
    }

    internal static async Task<LotTrace?> ReadAsync(CloudDbContext db, Guid product, string code, bool costs, DateOnly today, CancellationToken ct)
    {
        // Only the columns the trace shows, ordered here rather than in PostgreSQL: a recalled lot may have 100,000
        // movements, and a sort of that many rows spills past work_mem to disk (see docs/benchmarks.md, trace-cloud).
        var movements = await db.StockMovements.AsNoTracking()
            .Where(m => m.ProductId == product && m.Lot == code)
            .Select(m => new TraceMovement(m.Id, m.Seq, m.Type, m.OccurredAt, m.SiteCode, m.LocationId, m.Bin, m.Quantity, m.UnitCost,
                m.Reason, m.ReferenceType, m.ReferenceId))
            .ToListAsync(ct);
        movements.Sort(static (a, b) => a.OccurredAt != b.OccurredAt ? a.OccurredAt.CompareTo(b.OccurredAt) : a.Seq.CompareTo(b.Seq));
        var levels = await db.StockLevels.AsNoTracking()
            .Where(l => l.ProductId == product && l.Lot == code && l.Quantity > 0).ToListAsync(ct);
        var view = (await LotEndpoints.ReadAsync(db, product, code, today, ct)).FirstOrDefault();
        var hasRow = await db.Lots.AsNoTracking().AnyAsync(l => l.ProductId == product && l.Code == code, ct);
        if (movements.Count == 0 && !hasRow)
        {
            return null;
        }

        var transferIds = movements.Where(m => m.ReferenceType == "transfer" && Guid.TryParse(m.ReferenceId, CultureInfo.InvariantCulture, out _))
            .Select(m => Guid.Parse(m.ReferenceId!, CultureInfo.InvariantCulture)).Distinct().ToList();
        var transfers = await db.Transfers.AsNoTracking().Where(t => transferIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var locationIds = movements.Select(m => m.LocationId).Concat(levels.Select(l => l.LocationId))
            .Concat(transfers.Values.SelectMany(t => new[] { t.FromLocationId, t.ToLocationId })).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => (l.Code, l.SiteCode), ct);
        var orderIds = movements.Where(m => m.Type == "receive" && m.ReferenceType == DocumentReference.PurchaseOrder)
            .Select(m => DocumentReference.TryParse(m.ReferenceId, out var id, out _) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var orders = (await (from o in db.PurchaseOrders.AsNoTracking()
                             join s in db.Suppliers.AsNoTracking() on o.SupplierId equals s.Id into suppliers
                             from s in suppliers.DefaultIfEmpty()
                             where orderIds.Contains(o.Id)
                             select new { o.Id, o.Number, SupplierCode = s == null ? null : s.Code, SupplierName = s == null ? null : s.Name })
            .ToListAsync(ct)).ToDictionary(o => o.Id);
        string? Code(Guid id) => locations.TryGetValue(id, out var l) ? l.Code : null;
        string? Site(Guid id) => locations.TryGetValue(id, out var l) ? l.SiteCode : null;

        var receipts = movements.Where(m => m.Type == "receive").Select(m =>
        {
            var order = m.ReferenceType == DocumentReference.PurchaseOrder && DocumentReference.TryParse(m.ReferenceId, out var id, out _)
                ? orders.GetValueOrDefault(id) : null;
            return new LotTraceReceipt(m.Id, m.OccurredAt, m.SiteCode, m.LocationId, Code(m.LocationId), m.Bin, Math.Abs(m.Quantity),
                m.ReferenceType, m.ReferenceId, order?.Number, order?.SupplierCode, order?.SupplierName, costs ? m.UnitCost : null);
        }).ToList();
        var shipments = movements.Where(m => m.Type is "ship" or "return").Select(m => new LotTraceShipment(
            m.Id, m.Type, m.OccurredAt, m.SiteCode, m.LocationId, Code(m.LocationId), m.Bin, Math.Abs(m.Quantity), m.ReferenceType,
            m.ReferenceId, CustomerName: null)).ToList();
        var transferList = movements.Where(m => m.Type is "transfer_out" or "transfer_in")
            .GroupBy(m => m.ReferenceId ?? m.Id.ToString())
            .Select(g =>
            {
                var outs = g.Where(m => m.Type == "transfer_out").ToList();
                var ins = g.Where(m => m.Type == "transfer_in").ToList();
                var known = Guid.TryParse(g.Key, CultureInfo.InvariantCulture, out var tid) ? transfers.GetValueOrDefault(tid) : null;
                Guid? from = outs.Count > 0 ? outs[0].LocationId : known?.FromLocationId;
                Guid? to = ins.Count > 0 ? ins[0].LocationId : known?.ToLocationId;
                return new LotTraceTransfer(g.Key, g.Min(m => m.OccurredAt),
                    outs.Count > 0 ? outs[0].SiteCode : known?.FromSite ?? (from is { } f ? Site(f) : null), from, from is { } f2 ? Code(f2) : null,
                    ins.Count > 0 ? ins[0].SiteCode : known?.ToSite ?? (to is { } t ? Site(t) : null), to, to is { } t2 ? Code(t2) : null,
                    outs.Count > 0 ? outs.Sum(m => Math.Abs(m.Quantity)) : known?.QuantityShipped,
                    ins.Count > 0 ? ins.Sum(m => Math.Abs(m.Quantity)) : known?.QuantityReceived,
                    ins.Count > 0 ? ins.Max(m => m.OccurredAt) : known?.ReceivedAt);
            })
            .OrderBy(t => t.At).ToList();
        var onHand = levels.OrderBy(l => l.SiteCode, StringComparer.Ordinal).ThenBy(l => Code(l.LocationId), StringComparer.Ordinal)
            .ThenBy(l => l.Bin, StringComparer.Ordinal)
            .Select(l => new LotTraceOnHand(l.SiteCode, l.LocationId, Code(l.LocationId), l.Bin, l.Quantity)).ToList();
        var scrapped = movements.Where(m => m.Type == "adjust" && m.Quantity < 0 && m.Reason is not null && ScrapReasons.Contains(m.Reason))
            .Select(m => new LotTraceScrap(m.Id, m.OccurredAt, m.SiteCode, m.LocationId, Code(m.LocationId), m.Bin, -m.Quantity, m.Reason!))
            .ToList();
        return new LotTrace(product, code, view?.Expiry, view?.Status ?? "available", receipts, shipments, transferList, onHand, scrapped);
    }

    /// <summary>The columns of a movement a trace reads.</summary>
    private sealed record TraceMovement(
        Guid Id, long Seq, string Type, DateTimeOffset OccurredAt, string SiteCode, Guid LocationId, string Bin, long Quantity,
        decimal? UnitCost, string? Reason, string? ReferenceType, string? ReferenceId);

    /// <summary>One table: a <c>section</c> column (receipt, shipment, transfer, on_hand, scrapped) and the columns they share.</summary>
    private static byte[] Csv(LotTrace t)
    {
        var text = new StringBuilder();
        Row(text, "section", "at", "type", "from_site", "from_location", "to_site", "to_location", "bin", "quantity", "reference_type",
            "reference_id", "purchase_order", "supplier_code", "supplier_name", "unit_cost", "reason");
        foreach (var r in t.Receipts)
        {
            Row(text, "receipt", At(r.At), "receive", null, null, r.SiteCode, r.LocationCode, r.Bin, Num(r.Quantity), r.ReferenceType,
                r.ReferenceId, r.PurchaseOrderNumber, r.SupplierCode, r.SupplierName, r.UnitCost?.ToString(CultureInfo.InvariantCulture), null);
        }

        foreach (var s in t.Shipments)
        {
            Row(text, "shipment", At(s.At), s.Type, s.SiteCode, s.LocationCode, null, null, s.Bin, Num(s.Quantity), s.ReferenceType,
                s.ReferenceId, null, null, null, null, null);
        }

        foreach (var x in t.Transfers)
        {
            Row(text, "transfer", At(x.At), "transfer", x.FromSite, x.FromLocationCode, x.ToSite, x.ToLocationCode, null,
                x.QuantityOut is { } q ? Num(q) : null, "transfer", x.ReferenceId, null, null, null, null, null);
        }

        foreach (var h in t.OnHand)
        {
            Row(text, "on_hand", null, null, null, null, h.SiteCode, h.LocationCode, h.Bin, Num(h.Quantity), null, null, null, null, null, null, null);
        }

        foreach (var s in t.Scrapped)
        {
            Row(text, "scrapped", At(s.At), "adjust", s.SiteCode, s.LocationCode, null, null, s.Bin, Num(s.Quantity), null, null, null, null,
                null, null, s.Reason);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder text, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Cell(cells[i]));
        }

        text.Append("\r\n");
    }

    /// <summary>Quotes where needed; a cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection).</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
