using System.Globalization;
using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Purchasing.Receiving;

/// <summary>
/// Receiving against a purchase order, the one implementation behind the API, the /scan page and MQTT scanners.
/// Checks what does not change under a receipt here (the PO exists, its lines, its site, fractions), then hands one
/// ledger command to the single writer with a <see cref="ReceiptToleranceGuard"/> that checks the tolerance and the
/// PO's cancel or close inside the writer's transaction. One receive movement per receipt line, referencing the PO
/// line, at the PO line's unit price: valuation follows the price paid, whoever receives.
/// </summary>
public sealed class PurchaseOrderReceiving(EdgeDbContext db, PurchaseOrderReader reader, MovementWriter writer, IOptions<EdgeOptions> options)
{
    /// <summary>The idempotency key of a receipt: its id, whoever sends it (the request hash tells a replay from a reuse).</summary>
    public static string KeyOf(Guid receiptId) => $"po-receipt:{receiptId:D}";

    public Task<PurchaseOrder?> FindAsync(Guid id, CancellationToken ct) =>
        db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);

    /// <summary>A PO by its number (as printed and scanned, any case) or its id.</summary>
    public async Task<PurchaseOrder?> FindByNumberOrIdAsync(string text, CancellationToken ct)
    {
        var trimmed = text.Trim();
        if (Guid.TryParse(trimmed, out var id))
        {
            return await FindAsync(id, ct);
        }

        var number = trimmed.ToUpperInvariant();
        return await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Number == number, ct);
    }

    public async Task<ReceiptOutcome> ReceiveAsync(
        PurchaseOrder order, Guid receiptId, IReadOnlyList<ReceiptLine> lines, ReceiptActor actor, DateTimeOffset at,
        string requestHash, CancellationToken ct)
    {
        var site = options.Value.Site.Code;
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == order.LocationId)
            .Select(l => new { l.Code, l.SiteCode }).FirstOrDefaultAsync(ct);
        if (location is null || location.SiteCode != site)
        {
            return new(ReceiptOutcomeKind.Conflict,
                $"{order.Number} is received at {(location is null ? "a location this box does not know" : "site " + location.SiteCode)}, not here.");
        }

        var byId = order.Lines.ToDictionary(l => l.Id);
        if (await LineProblemAsync(order, byId, lines, ct) is { } lineProblem)
        {
            return new(ReceiptOutcomeKind.Invalid, lineProblem);
        }

        var skus = await SkusAsync(lines.Select(l => byId[l.LineId].ProductId).Distinct().ToList(), ct);
        if (lines.Any(l => !WholeUnits.Is(l.Quantity)))
        {
            // Tolerance first, in decimals: 100.002 against 100 at 0 % is "too many", not "not a whole unit".
            return await FractionOutcomeAsync(order, byId, skus, lines, ct);
        }

        var guardLines = lines.Select(l => new ReceiptToleranceGuard.Line(
            l.LineId, byId[l.LineId].LineNumber, skus.GetValueOrDefault(byId[l.LineId].ProductId, "?"), l.Quantity)).ToList();
        var guard = new ReceiptToleranceGuard(order.Id, order.Number, guardLines);
        var seen = new Dictionary<Guid, int>();
        var ledgerLines = lines.Select(l =>
        {
            // Ids derived from the receipt and its line: a replay after the idempotency record was pruned still
            // cannot record the same goods twice.
            var n = seen[l.LineId] = seen.GetValueOrDefault(l.LineId) + 1;
            var movementId = DeterministicIds.From(n == 1 ? "po-receipt" : $"po-receipt-{n}", receiptId, l.LineId);
            var line = byId[l.LineId];
            return new LedgerLine(movementId, MovementType.Receive, LineMode.Add, line.ProductId, order.LocationId,
                (long)l.Quantity, l.Bin, l.Lot, l.Expiry, line.UnitPrice, null, null,
                DocumentReference.PurchaseOrder, DocumentReference.Line(order.Id, line.Id));
        }).ToList();
        var command = new LedgerCommand(ledgerLines, actor.UserId, actor.DeviceId, at, KeyOf(receiptId), requestHash,
            Precondition: guard);
        var outcome = await writer.SubmitAsync(command, ct);
        return outcome.Kind switch
        {
            LedgerOutcomeKind.Committed or LedgerOutcomeKind.Replayed => new(ReceiptOutcomeKind.Recorded, Result: outcome.Result,
                After: outcome.Kind == LedgerOutcomeKind.Committed ? guard.After : null),
            LedgerOutcomeKind.Conflict when guard.Over is { } over => new(ReceiptOutcomeKind.OverTolerance, over.Message, Over: over),
            LedgerOutcomeKind.Conflict or LedgerOutcomeKind.Refused => new(ReceiptOutcomeKind.Conflict, outcome.Message),
            LedgerOutcomeKind.KeyReused => new(ReceiptOutcomeKind.Conflict,
                $"Receipt id {receiptId} was already used for a different receipt."),
            LedgerOutcomeKind.NotFound => new(ReceiptOutcomeKind.NotFound, outcome.Message),
            LedgerOutcomeKind.Invalid => new(ReceiptOutcomeKind.Invalid, outcome.Message),
            _ => new(ReceiptOutcomeKind.Failed, outcome.Message ?? "The receipt could not be recorded; try again."),
        };
    }

    /// <summary>The PO's view after a receipt, with or without its prices.</summary>
    public async Task<PurchaseOrderReceipt> AnswerAsync(Guid orderId, MovementResult result, bool showPrices, CancellationToken ct)
    {
        var view = (await reader.ReadAsync(orderId, showPrices, ct))!;
        var movements = showPrices ? result.Movements : [.. result.Movements.Select(m => m.WithoutCost())];
        return new PurchaseOrderReceipt(view, movements, result.Levels);
    }

    private async Task<string?> LineProblemAsync(
        PurchaseOrder order, Dictionary<Guid, PurchaseOrderLine> byId, IReadOnlyList<ReceiptLine> lines, CancellationToken ct)
    {
        foreach (var line in lines.Where(l => !byId.ContainsKey(l.LineId)))
        {
            var other = await db.PurchaseOrderLines.AsNoTracking().Where(l => l.Id == line.LineId)
                .Join(db.PurchaseOrders, l => l.PurchaseOrderId, o => o.Id, (l, o) => o.Number).FirstOrDefaultAsync(ct);
            return other is null
                ? $"Line {line.LineId} is not a line of {order.Number}."
                : $"Line {line.LineId} belongs to {other}, not {order.Number}.";
        }

        return null;
    }

    private async Task<Dictionary<Guid, string>> SkusAsync(List<Guid> productIds, CancellationToken ct)
    {
        return await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Sku, ct);
    }

    /// <summary>
    /// A fraction is never recorded, so its tolerance check needs no writer: what the ledger holds now decides
    /// between 409 (too many even in decimals) and 400 (not a whole unit).
    /// </summary>
    private async Task<ReceiptOutcome> FractionOutcomeAsync(
        PurchaseOrder order, Dictionary<Guid, PurchaseOrderLine> byId, Dictionary<Guid, string> skus, IReadOnlyList<ReceiptLine> lines,
        CancellationToken ct)
    {
        var tolerance = await db.Suppliers.AsNoTracking().Where(s => s.Id == order.SupplierId)
            .Select(s => (decimal?)s.OverReceiptTolerancePercent).FirstOrDefaultAsync(ct) ?? 0m;
        var received = await reader.ReceivedAsync([order.Id], ct);
        foreach (var group in lines.GroupBy(l => l.LineId))
        {
            var line = byId[group.Key];
            var already = received.GetValueOrDefault(DocumentReference.Line(order.Id, line.Id));
            var adding = group.Sum(l => l.Quantity);
            if (!ReceiptTolerance.Allows(line.Quantity, already, adding, tolerance))
            {
                var over = ReceiptOverTolerance.Of(order.Number, line.Id, line.LineNumber, skus.GetValueOrDefault(line.ProductId, "?"),
                    line.Quantity, already, adding, tolerance);
                return new(ReceiptOutcomeKind.OverTolerance, over.Message, Over: over);
            }
        }

        var fraction = lines.First(l => !WholeUnits.Is(l.Quantity));
        return new(ReceiptOutcomeKind.Invalid, string.Create(CultureInfo.InvariantCulture,
            $"Line {byId[fraction.LineId].LineNumber}: {fraction.Quantity} — {WholeUnits.Message}"));
    }
}
