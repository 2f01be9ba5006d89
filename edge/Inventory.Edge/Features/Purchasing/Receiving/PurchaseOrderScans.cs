using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Purchasing.Receiving;

/// <summary>What a scanned receipt came to, in words that fit a scanner's screen.</summary>
public sealed record ScannedReceipt(bool Ok, string Message, MovementResult? Result = null, Guid? LocationId = null);

/// <summary>
/// A scan in receive mode that names a purchase order (its number as printed, or its id): the scanned product's line on
/// that PO receives the scanned quantity, lot and expiry, through the same receipt as the API (tolerance inside the
/// writer, replay by the scan's id). Answers are short: the person holding the scanner reads them at arm's length.
/// </summary>
public sealed class PurchaseOrderScans(PurchaseOrderReceiving receiving, PurchaseOrderReader reader, Infrastructure.Data.EdgeDbContext db)
{
    public async Task<ScannedReceipt> ReceiveAsync(
        string purchaseOrder, Guid productId, string sku, long units, string? lot, DateOnly? expiry, string? bin, Guid? locationId,
        Guid receiptId, ReceiptActor actor, DateTimeOffset at, CancellationToken ct)
    {
        var order = await receiving.FindByNumberOrIdAsync(purchaseOrder, ct);
        if (order is null)
        {
            return new(false, "No PO " + Short(purchaseOrder));
        }

        if (locationId is { } scanned && scanned != order.LocationId)
        {
            var code = await db.Locations.AsNoTracking().Where(l => l.Id == order.LocationId).Select(l => l.Code).FirstOrDefaultAsync(ct);
            return new(false, $"{order.Number} goes to {code ?? "?"}");
        }

        var candidates = order.Lines.Where(l => l.ProductId == productId).OrderBy(l => l.LineNumber).ToList();
        if (candidates.Count == 0)
        {
            return new(false, $"Not on {order.Number}: {Short(sku)}");
        }

        // A PO rarely orders a product twice; when it does, the line still short takes the scan.
        var line = candidates[0];
        if (candidates.Count > 1)
        {
            var references = candidates.Select(l => DocumentReference.Line(order.Id, l.Id)).ToList();
            var received = await db.StockMovements.AsNoTracking()
                .Where(m => m.ReferenceType == DocumentReference.PurchaseOrder && references.Contains(m.ReferenceId!))
                .GroupBy(m => m.ReferenceId!).Select(g => new { g.Key, Quantity = g.Sum(m => m.Quantity) })
                .ToDictionaryAsync(g => g.Key, g => (decimal)g.Quantity, ct);
            line = candidates.FirstOrDefault(l => received.GetValueOrDefault(DocumentReference.Line(order.Id, l.Id)) < l.Quantity) ?? line;
        }

        var outcome = await receiving.ReceiveAsync(order, receiptId, [new ReceiptLine(line.Id, units, lot, expiry, bin)], actor, at,
            HashOf(order.Id, line.Id, units, lot, expiry, bin, actor), ct);
        switch (outcome.Kind)
        {
            case ReceiptOutcomeKind.Recorded:
                var (ordered, total) = outcome.After?.GetValueOrDefault(line.Id) is { Ordered: > 0 } after
                    ? after
                    : (line.Quantity, (await reader.ReceivedAsync([order.Id], ct)).GetValueOrDefault(DocumentReference.Line(order.Id, line.Id)));
                return new(true, string.Create(CultureInfo.InvariantCulture, $"Received {units} {Short(sku)} {total:0.###}/{ordered:0.###}"),
                    outcome.Result, order.LocationId);
            case ReceiptOutcomeKind.OverTolerance:
                return new(false, string.Create(CultureInfo.InvariantCulture, $"Over PO: {outcome.Over!.Remaining:0.###} left of {Short(sku)}"));
            case ReceiptOutcomeKind.Failed:
                return new(false, "Not saved; try again");
            default:
                var message = outcome.Message ?? "Refused";
                return new(false, message.Length <= 40 ? message : message[..39] + "…");
        }
    }

    private static string Short(string text) => text.Length <= 20 ? text : text[..19] + "…";

    private static string HashOf(Guid order, Guid line, long units, string? lot, DateOnly? expiry, string? bin, ReceiptActor actor)
    {
        var text = string.Join('|', "po-scan", order, line, units.ToString(CultureInfo.InvariantCulture), lot, expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bin, actor.UserId, actor.DeviceId);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
