using Inventory.Domain.Lots;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Lots;

/// <summary>
/// Every movement a manager made out of expiry order: the writer records such a movement with reason
/// <see cref="LotRules.OverrideReason"/> and the manager's words in its note, over [from, to) of recording time.
/// </summary>
internal static class FefoExceptionsReport
{
    public const int MaxRows = 10_000;

    public static async Task<Results<Ok<FefoExceptionList>, ValidationProblem>> Handle(
        DateTimeOffset? from, DateTimeOffset? to, EdgeDbContext db, CancellationToken cancellationToken)
    {
        var v = new Validation().Require(from is null || to is null || from < to, "to", "'to' must be after 'from'.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var query = db.StockMovements.AsNoTracking().Where(m => m.Reason == LotRules.OverrideReason);
        if (from is { } f)
        {
            query = query.Where(m => m.RecordedAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(m => m.RecordedAt < t);
        }

        var rows = await query
            .OrderBy(m => m.Seq).Take(MaxRows)
            .Join(db.Products, m => m.ProductId, p => p.Id, (m, p) => new { m, p.Sku })
            .Join(db.Locations, x => x.m.LocationId, l => l.Id, (x, l) => new { x.m, x.Sku, l.Code })
            .ToListAsync(cancellationToken);
        var items = rows.Select(x => new FefoExceptionView(
            x.m.Id, x.m.RecordedAt, x.m.Type, x.m.ProductId, x.Sku, x.m.LocationId, x.Code,
            x.m.Bin.Length == 0 ? null : x.m.Bin, x.m.Lot.Length == 0 ? null : x.m.Lot, x.m.Quantity, x.m.Note,
            x.m.UserId, x.m.ReferenceType, x.m.ReferenceId)).ToList();
        return TypedResults.Ok(new FefoExceptionList(from, to, items));
    }
}
