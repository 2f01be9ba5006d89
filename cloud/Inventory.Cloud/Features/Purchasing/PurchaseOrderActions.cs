using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Purchasing;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Cloud.Features.Purchasing;

// The PO's explicit events. Each is recorded once (a repeat answers the PO as it is) and travels to the home site
// with the PO; what the goods did meanwhile is in the ledger, so a cancel that raced a receipt at the box ends with
// the PO partial or received and flagged (needsAttention), never with goods on a cancelled PO.
public static partial class PurchaseOrderEndpoints
{
    private static async Task<Results<Ok<PurchaseOrderView>, ProblemHttpResult>> SendAsync(
        Guid id, CloudDbContext db, PurchasingWrites writes, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var po = await LoadAsync(db, id, ct);
        if (po is null)
        {
            return Problems.NotFound("No such purchase order.");
        }

        if (po.CancelledAt is not null || po.ClosedAt is not null)
        {
            return Problems.Conflict("A cancelled or closed purchase order is not sent.", "Not sendable");
        }

        if (po.SentAt is null)
        {
            var now = time.GetUtcNow();
            // The mail leaves from the home box (its outbox and its mail server) when it pulls this version.
            await writes.SavePurchaseOrderAsync(ToRecord(po) with { SentAt = now, UpdatedAt = now }, ct);
        }

        return TypedResults.Ok((await ViewAsync(db, id, http, time, ct))!);
    }

    private static async Task<Results<Ok<PurchaseOrderView>, ProblemHttpResult>> CancelAsync(
        Guid id, CloudDbContext db, PurchasingWrites writes, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var po = await LoadAsync(db, id, ct);
        if (po is null)
        {
            return Problems.NotFound("No such purchase order.");
        }

        var received = await PurchaseOrderViews.ReceivedAsync(db, [po], ct);
        if (PurchaseOrderViews.Sums(po, received).Any(l => l.Received > 0))
        {
            return Problems.Conflict("Goods were received against this purchase order: close it instead.", "Already received");
        }

        if (po.ClosedAt is not null)
        {
            return Problems.Conflict("The purchase order is closed.", "Closed");
        }

        if (po.CancelledAt is null)
        {
            var now = time.GetUtcNow();
            await writes.SavePurchaseOrderAsync(ToRecord(po) with { CancelledAt = now, UpdatedAt = now }, ct);
        }

        return TypedResults.Ok((await ViewAsync(db, id, http, time, ct))!);
    }

    private static async Task<Results<Ok<PurchaseOrderView>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        Guid id, ClosePurchaseOrderRequest request, CloudDbContext db, PurchasingWrites writes, HttpContext http, TimeProvider time,
        CancellationToken ct)
    {
        if (new Validation().RequireText(request.Reason, "reason", 500) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var po = await LoadAsync(db, id, ct);
        if (po is null)
        {
            return Problems.NotFound("No such purchase order.");
        }

        var status = PurchaseOrderViews.Status(po, await PurchaseOrderViews.ReceivedAsync(db, [po], ct));
        if (status is PurchaseOrderStatus.Received or PurchaseOrderStatus.Cancelled)
        {
            return Problems.Conflict($"The purchase order is {status}: there is nothing left to close.", "Not closable");
        }

        if (po.ClosedAt is null)
        {
            var now = time.GetUtcNow();
            await writes.SavePurchaseOrderAsync(ToRecord(po) with { ClosedAt = now, CloseReason = request.Reason!.Trim(), UpdatedAt = now }, ct);
        }

        return TypedResults.Ok((await ViewAsync(db, id, http, time, ct))!);
    }
}
