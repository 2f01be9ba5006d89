using System.Globalization;
using Inventory.Domain.Ledger;
using Inventory.Domain.Lots;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Lots;

/// <summary>
/// Hold and release, written through EF so the outbox interceptor replicates the `lots` row. A lot known only from
/// its levels gets its row here, with the id every site computes for it (DeterministicIds.Lot), so the cloud and the
/// other boxes meet the same lot, not a copy.
/// </summary>
internal static class LotHolds
{
    public static async Task<Results<Ok<LotView>, ValidationProblem, ProblemHttpResult>> Hold(
        LotHoldRequest r, HttpContext http, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = Check(r).Require(!string.IsNullOrWhiteSpace(r.Reason), "reason", "A hold needs a reason (the recall or quality stop).");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var productId = r.ProductId!.Value;
        var code = r.Lot!.Trim();
        var lot = await db.Lots.FirstOrDefaultAsync(l => l.ProductId == productId && l.Code == code, cancellationToken);
        if (lot is null)
        {
            var expiries = await db.StockLevels.AsNoTracking()
                .Where(l => l.ProductId == productId && l.Lot == code).Select(l => l.Expiry).ToListAsync(cancellationToken);
            if (expiries.Count == 0)
            {
                return Problems.NotFound($"No lot {code} of product {productId} at this box.");
            }

            lot = new Lot
            {
                Id = DeterministicIds.Lot(productId, code),
                ProductId = productId,
                Code = code,
                Expiry = expiries.Where(e => e is not null)
                    .Select(e => DateOnly.ParseExact(e!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).Cast<DateOnly?>().Min(),
            };
            db.Lots.Add(lot);
        }
        else if (lot.Status == LotStatus.Hold)
        {
            return Problems.Conflict($"Lot {code} is already on hold.");
        }

        var now = time.GetUtcNow();
        lot.Status = LotStatus.Hold;
        lot.HoldReason = r.Reason!.Trim();
        lot.HeldAt = now;
        lot.HeldBy = http.User.UserIdOf();
        lot.UpdatedAt = now;
        return await SaveAsync(db, lot, time, cancellationToken);
    }

    public static async Task<Results<Ok<LotView>, ValidationProblem, ProblemHttpResult>> Release(
        LotHoldRequest r, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = Check(r);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var productId = r.ProductId!.Value;
        var code = r.Lot!.Trim();
        var lot = await db.Lots.FirstOrDefaultAsync(l => l.ProductId == productId && l.Code == code, cancellationToken);
        if (lot is null && !await db.StockLevels.AnyAsync(l => l.ProductId == productId && l.Lot == code, cancellationToken))
        {
            return Problems.NotFound($"No lot {code} of product {productId} at this box.");
        }

        if (lot is null || lot.Status != LotStatus.Hold)
        {
            return Problems.Conflict($"Lot {code} is not on hold.");
        }

        lot.Status = LotStatus.Available;
        lot.HoldReason = null;
        lot.HeldAt = null;
        lot.HeldBy = null;
        lot.UpdatedAt = time.GetUtcNow();
        return await SaveAsync(db, lot, time, cancellationToken);
    }

    private static Validation Check(LotHoldRequest r) => new Validation()
        .Require(r.ProductId is not null, "productId", "'productId' is required.")
        .Require(!string.IsNullOrWhiteSpace(r.Lot), "lot", "'lot' is required.")
        .OptionalText(r.Lot, "lot", LedgerLimits.MaxLotLength)
        .OptionalText(r.Reason, "reason", LotHoldRequest.MaxReasonLength);

    private static async Task<Results<Ok<LotView>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        EdgeDbContext db, Lot lot, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same lot's row arrived meanwhile (a pull from the cloud): the caller tries again against it.
            return Problems.Conflict($"Lot {lot.Code} changed meanwhile; try again.");
        }

        var views = await LotQueries.ForProductAsync(db, lot.ProductId, LotQueries.Today(time), cancellationToken);
        return TypedResults.Ok(views.First(l => l.Lot == lot.Code));
    }
}
