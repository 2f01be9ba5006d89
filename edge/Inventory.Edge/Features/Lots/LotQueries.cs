using Inventory.Domain.Lots;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Lots;

internal static class LotQueries
{
    public static async Task<Results<Ok<LotList>, ValidationProblem>> List(
        Guid? productId, EdgeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = new Validation().Require(productId is not null, "productId", "'productId' is required.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var items = await ForProductAsync(db, productId!.Value, Today(time), cancellationToken);
        return TypedResults.Ok(new LotList(items));
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Lots with a row (held, or known from the cloud) and lots known only from levels, by expiry then code.</summary>
    public static async Task<List<LotView>> ForProductAsync(EdgeDbContext db, Guid productId, DateOnly today, CancellationToken cancellationToken)
    {
        var levels = await db.StockLevels.AsNoTracking()
            .Where(l => l.ProductId == productId && l.Lot != "")
            .Select(l => new { l.Lot, l.Expiry, l.Quantity })
            .ToListAsync(cancellationToken);
        var rows = await db.Lots.AsNoTracking().Where(l => l.ProductId == productId).ToListAsync(cancellationToken);
        var byCode = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var codes = levels.Select(l => l.Lot).Concat(rows.Select(r => r.Code)).Distinct(StringComparer.Ordinal);
        return [.. codes
            .Select(code =>
            {
                var mine = levels.Where(l => l.Lot == code).ToList();
                var row = byCode.GetValueOrDefault(code);
                var expiry = row?.Expiry ?? mine.Select(l => ParseDate(l.Expiry)).Where(d => d is not null).Min();
                return new LotView(productId, code, expiry, mine.Sum(l => l.Quantity),
                    LotStatus.Effective(row?.Status, expiry, today), row?.Status == LotStatus.Hold ? row.HoldReason : null);
            })
            .OrderBy(l => l.Expiry is null ? 1 : 0).ThenBy(l => l.Expiry).ThenBy(l => l.Lot, StringComparer.Ordinal)];
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
