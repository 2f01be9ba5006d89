using System.Globalization;
using Inventory.Domain.Ledger;
using Inventory.Domain.Lots;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Lots;

/// <summary>The lot and bin a pick without a named lot would take now; <c>available</c> is what that row still has free.</summary>
public sealed record NextLotView(Guid ProductId, Guid LocationId, string? Lot, string? Bin, DateOnly? Expiry, long Available);

/// <summary>
/// GET /api/lots/next: the FEFO choice shown before a pick (the scan page's "take lot X from bin Y"). Read-only and
/// outside the writer, with the writer's own rules (<see cref="LotRules"/> over this location's rows, the held lots and
/// today), so what it names is what a pick sent now would take, unless stock moves in between.
/// </summary>
internal static class LotNext
{
    public static async Task<Results<Ok<NextLotView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid? productId, Guid? locationId, EdgeDbContext db, TimeProvider time, CancellationToken ct)
    {
        var v = new Validation()
            .Require(productId is not null && productId != Guid.Empty, "productId", "'productId' is required.")
            .Require(locationId is not null && locationId != Guid.Empty, "locationId", "'locationId' is required.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var (product, location) = (productId!.Value, locationId!.Value);
        var slots = (await db.StockLevels.AsNoTracking()
                .Where(l => l.ProductId == product && l.LocationId == location && l.Quantity - l.Reserved > 0)
                .Select(l => new { l.Bin, l.Lot, l.Expiry, l.Quantity, l.Reserved }).ToListAsync(ct))
            .Select(l => new LevelSlot(l.Bin, l.Lot, ParseDate(l.Expiry), l.Quantity, l.Reserved)).ToList();
        var held = (await db.Lots.AsNoTracking().Where(l => l.ProductId == product && l.Status == LotStatus.Hold)
            .Select(l => l.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var rules = new LotRules(held, LotQueries.Today(time));
        var pick = Allocation.FirstExpiryFirst(slots, 1, excluded: s => !rules.IsAllocatable(s));
        if (pick is not [var (slot, _), ..])
        {
            return Problems.NotFound("Nothing of this product can be picked at this location (none on hand, or only held or expired lots).");
        }

        return TypedResults.Ok(new NextLotView(product, location, NullIfEmpty(slot.Lot), NullIfEmpty(slot.Bin), slot.Expiry, slot.Available));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
