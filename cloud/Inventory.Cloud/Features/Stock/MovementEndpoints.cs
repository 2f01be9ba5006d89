using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Stock;

public static class MovementEndpoints
{
    public sealed record MovementView(
        Guid Id, long Seq, string SiteCode, string Type, Guid ProductId, Guid LocationId, string Bin, string Lot, long Quantity,
        decimal? UnitCost, string? Reason, string? ReferenceType, string? ReferenceId, Guid? UserId, string? DeviceId,
        DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, DateTimeOffset AppliedAt);

    /// <summary>A page of movements; <c>next</c> is the cursor of the following page, absent on the last.</summary>
    public sealed record MovementPage(IReadOnlyList<MovementView> Items, string? Next);

    public static void MapMovementsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/stock-movements", ListAsync).RequirePermission(Permission.ViewInventory).WithTags("Inventory").WithName("ListMovements")
            .WithSummary("The ledgers of every site in order of arrival here; filter and page with 'next'.");

    private static async Task<Results<Ok<MovementPage>, ValidationProblem>> ListAsync(
        CloudDbContext db, HttpContext http, Guid? productId, Guid? locationId, string? siteCode, string? type,
        DateTimeOffset? from, DateTimeOffset? to, int? limit, string? next, CancellationToken ct)
    {
        if (new Validation().Paged(limit, next) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var after = Paging.Cursor(next);
        var size = Paging.Limit(limit);
        var fromUtc = from?.ToUniversalTime();
        var toUtc = to?.ToUniversalTime();
        var rows = await db.StockMovements.AsNoTracking()
            .Where(m => m.Seq > after)
            .Where(m => productId == null || m.ProductId == productId)
            .Where(m => locationId == null || m.LocationId == locationId)
            .Where(m => siteCode == null || m.SiteCode == siteCode)
            .Where(m => type == null || m.Type == type)
            .Where(m => fromUtc == null || m.OccurredAt >= fromUtc)
            .Where(m => toUtc == null || m.OccurredAt < toUtc)
            .OrderBy(m => m.Seq).Take(size + 1).ToListAsync(ct);
        var costs = http.User.Can(Permission.ViewCostPrices);
        var items = rows.Take(size).Select(m => new MovementView(m.Id, m.Seq, m.SiteCode, m.Type, m.ProductId, m.LocationId, m.Bin, m.Lot,
            m.Quantity, costs ? m.UnitCost : null, m.Reason, m.ReferenceType, m.ReferenceId, m.UserId, m.DeviceId, m.OccurredAt,
            m.RecordedAt, m.AppliedAt)).ToList();
        return TypedResults.Ok(new MovementPage(
            items, rows.Count > size ? items[^1].Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }
}
