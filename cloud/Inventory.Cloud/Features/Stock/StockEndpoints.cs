using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Domain.Ledger;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Stock;

/// <summary>The read side of the edge's HTTP contract, across every site (each level says its site).</summary>
public static class StockEndpoints
{
    public sealed record LevelView(
        Guid ProductId, Guid LocationId, string? LocationCode, string SiteCode, string Bin, string Lot, long Quantity, long Reserved,
        long Available, string Status, DateTimeOffset UpdatedAt);

    public sealed record ProductLevels(Guid ProductId, IReadOnlyList<LevelView> Levels, long Total, IReadOnlyList<TransferView> InTransit);

    public sealed record TransferView(
        Guid Id, Guid ProductId, Guid FromLocationId, Guid ToLocationId, string FromSite, string ToSite, long QuantityShipped,
        long? QuantityReceived, long? Variance, string Status, DateTimeOffset ShippedAt, DateTimeOffset? ReceivedAt);

    /// <summary>A page of levels; <c>next</c> is the cursor of the following page, absent on the last.</summary>
    public sealed record LevelPage(IEnumerable<LevelView> Items, string? Next);

    public sealed record TransferList(IEnumerable<TransferView> Items);

    public static void MapStockApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inventory", ListAsync).RequirePermission(Permission.ViewInventory).WithTags("Inventory").WithName("ListLevels")
            .WithSummary("Levels across sites, filtered by site, location or product; paged by 'next'.");
        app.MapGet("/api/inventory/{productId:guid}", ProductAsync).RequirePermission(Permission.ViewInventory).WithTags("Inventory")
            .WithName("GetProductLevels").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every location of every site holding the product, with siteCode, and what is in transit.");
        app.MapGet("/api/locations", async (CloudDbContext db, string? siteCode, CancellationToken ct) =>
                TypedResults.Ok(await db.Locations.AsNoTracking().Where(l => siteCode == null || l.SiteCode == siteCode)
                    .OrderBy(l => l.SiteCode).ThenBy(l => l.Code).ToListAsync(ct)))
            .RequirePermission(Permission.ViewInventory).WithTags("Inventory").WithName("ListLocations")
            .WithSummary("Locations of every site (or of siteCode), by site and code.");
        app.MapGet("/api/transfers", TransfersAsync).RequirePermission(Permission.ViewInventory).WithTags("Inventory")
            .WithName("ListTransfers")
            .WithSummary("Transfers between sites; status in_transit or received.");
    }

    private static async Task<Results<Ok<LevelPage>, ValidationProblem>> ListAsync(
        CloudDbContext db, string? siteCode, Guid? locationId, Guid? productId, int? limit, string? next, CancellationToken ct)
    {
        if (new Validation().Paged(limit, next) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        // Paged by the level's position in a stable order: product, then location, bin and lot.
        var skip = (int)Math.Min(Paging.Cursor(next), int.MaxValue);
        var size = Paging.Limit(limit);
        var rows = await LevelsQuery(db)
            .Where(l => siteCode == null || l.SiteCode == siteCode)
            .Where(l => locationId == null || l.LocationId == locationId)
            .Where(l => productId == null || l.ProductId == productId)
            .OrderBy(l => l.ProductId).ThenBy(l => l.LocationId).ThenBy(l => l.Bin).ThenBy(l => l.Lot)
            .Skip(skip).Take(size + 1).ToListAsync(ct);
        var more = rows.Count > size;
        return TypedResults.Ok(new LevelPage(
            rows.Take(size).Select(ToView), more ? (skip + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<ProductLevels>, ProblemHttpResult>> ProductAsync(Guid productId, CloudDbContext db, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct) && !await db.StockLevels.AnyAsync(l => l.ProductId == productId, ct))
        {
            return Problems.NotFound("No such product.");
        }

        var levels = (await LevelsQuery(db).Where(l => l.ProductId == productId)
            .OrderBy(l => l.SiteCode).ThenBy(l => l.LocationCode).ToListAsync(ct)).Select(ToView).ToList();
        var transit = await db.Transfers.AsNoTracking()
            .Where(t => t.ProductId == productId && t.Status == Inventory.Sync.TransferStatuses.InTransit)
            .OrderBy(t => t.ShippedAt).ToListAsync(ct);
        return TypedResults.Ok(new ProductLevels(productId, levels, levels.Sum(l => l.Quantity), [.. transit.Select(ToView)]));
    }

    private static async Task<Ok<TransferList>> TransfersAsync(CloudDbContext db, string? status, string? siteCode, CancellationToken ct)
    {
        var transfers = await db.Transfers.AsNoTracking()
            .Where(t => status == null || t.Status == status)
            .Where(t => siteCode == null || t.FromSite == siteCode || t.ToSite == siteCode)
            .OrderByDescending(t => t.ShippedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(new TransferList(transfers.Select(ToView)));
    }

    // Member-initialised (not positional) so EF can filter and order on it after the projection.
    private sealed class LevelRow
    {
        public Guid ProductId { get; init; }
        public Guid LocationId { get; init; }
        public string? LocationCode { get; init; }
        public string SiteCode { get; init; } = "";
        public string Bin { get; init; } = "";
        public string Lot { get; init; } = "";
        public long Quantity { get; init; }
        public long Reserved { get; init; }
        public int? ReorderPoint { get; init; }
        public int? MaxLevel { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private static IQueryable<LevelRow> LevelsQuery(CloudDbContext db) =>
        from l in db.StockLevels.AsNoTracking()
        join p in db.Products on l.ProductId equals p.Id into products
        from p in products.DefaultIfEmpty()
        join loc in db.Locations on l.LocationId equals loc.Id into locations
        from loc in locations.DefaultIfEmpty()
        select new LevelRow
        {
            ProductId = l.ProductId,
            LocationId = l.LocationId,
            LocationCode = loc == null ? null : loc.Code,
            SiteCode = l.SiteCode,
            Bin = l.Bin,
            Lot = l.Lot,
            Quantity = l.Quantity,
            Reserved = l.Reserved,
            ReorderPoint = p == null ? null : p.ReorderPoint,
            MaxLevel = p == null ? null : p.MaxLevel,
            UpdatedAt = l.UpdatedAt,
        };

    private static LevelView ToView(LevelRow r) => new(
        r.ProductId, r.LocationId, r.LocationCode, r.SiteCode, r.Bin, r.Lot, r.Quantity, r.Reserved, r.Quantity - r.Reserved,
        StockStatuses.Of(r.Quantity, r.Quantity - r.Reserved, r.ReorderPoint, r.MaxLevel).ToWireName(), r.UpdatedAt);

    private static TransferView ToView(Infrastructure.Data.Entities.Transfer t) => new(
        t.Id, t.ProductId, t.FromLocationId, t.ToLocationId, t.FromSite, t.ToSite, t.QuantityShipped, t.QuantityReceived,
        t.QuantityReceived - t.QuantityShipped, t.Status, t.ShippedAt, t.ReceivedAt);
}
