using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Domain.Counting;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Counting;

/// <summary>One site's accuracy and freshness: when its latest count changed at the box and when it last pushed anything.</summary>
public sealed record SiteAccuracy(
    string SiteCode, long LinesCounted, long LinesWithinTolerance, decimal? Accuracy, DateTimeOffset? LastCountAt, DateTimeOffset? LastPushAt);

/// <summary>The box's inventory accuracy shape across sites, plus per site (every site, counted or not, with its freshness).</summary>
public sealed record CloudInventoryAccuracy(
    DateTimeOffset From, DateTimeOffset To, string GroupBy, long LinesCounted, long LinesWithinTolerance, decimal? Accuracy,
    IReadOnlyList<SiteAccuracy> BySite, IReadOnlyList<AccuracyGroup> ByLocation, IReadOnlyList<AccuracyGroup> ByClass,
    IReadOnlyList<AccuracyGroup> ByCounter, IReadOnlyList<AccuracyGroup> OverTime);

/// <summary>
/// GET /api/reports/inventory-accuracy in the cloud: the sites' pushed counts (Sync.Push.CycleCountApplier). Only
/// submitted lines count, and the answer holds counts of lines, never a line's expected quantity, so a blind count
/// reveals nothing here either. A line is judged as at the box; a recounted line's first figure by the default
/// tolerances (the sites' plans stay at their boxes).
/// </summary>
public static class InventoryAccuracyEndpoints
{
    public const int MaxDays = 3660;

    public static void MapInventoryAccuracyApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/inventory-accuracy", HandleAsync).RequirePermission(Permission.ViewReports).WithTags("Reports")
            .WithName("GetInventoryAccuracyReport")
            .WithSummary("Inventory record accuracy of the sites' submitted count lines counted in [from, to], per site (with the last count's time), location, class, counter and day or week.");

    private static async Task<Results<Ok<CloudInventoryAccuracy>, ValidationProblem>> HandleAsync(
        DateTimeOffset? from, DateTimeOffset? to, string? siteCode, string? groupBy, CloudDbContext db, TimeProvider time, CancellationToken ct)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-90);
        var v = new Validation()
            .Require(start <= end, "to", "'to' is not before 'from'.")
            .Require((end - start).TotalDays <= MaxDays, "from", "At most 3660 days at once.")
            .Require(AccuracyBreakdown.IsPeriod(groupBy), "groupBy", "'groupBy' is day or week.")
            .Require(siteCode is null or { Length: <= 20 }, "siteCode", "'siteCode' is at most 20 characters.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        return TypedResults.Ok(await RunAsync(db, start, end, string.IsNullOrEmpty(siteCode) ? null : siteCode, groupBy, ct));
    }

    public static async Task<CloudInventoryAccuracy> RunAsync(
        CloudDbContext db, DateTimeOffset from, DateTimeOffset to, string? siteCode, string? groupBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = (from.ToUniversalTime(), to.ToUniversalTime());
        var rows = await (
            from l in db.CycleCountLines.AsNoTracking()
            join c in db.CycleCounts.AsNoTracking() on l.CountId equals c.Id
            where (l.Status == CountLineStatus.NeedsApproval || l.Status == CountLineStatus.Posted)
                && l.Counted != null && l.CountedAt != null && l.CountedAt >= start && l.CountedAt <= end
                && (siteCode == null || c.SiteCode == siteCode)
            select new
            {
                c.SiteCode, c.LocationId, l.AbcClass, l.Expected, Counted = l.Counted!.Value, l.FirstCounted, l.WithinTolerance, l.UnitCost,
                CountedAt = l.CountedAt!.Value, Counter = l.FirstCountedBy ?? l.CountedBy,
            })
            .ToListAsync(ct);
        var locationIds = rows.Select(r => r.LocationId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => l.SiteCode + "/" + l.Code, ct);
        var counterIds = rows.Where(r => r.Counter != null).Select(r => r.Counter!.Value).Distinct().ToList();
        var counters = await db.Users.AsNoTracking().Where(u => counterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Username, ct);
        var lines = rows.Select(r => new AccuracyLine(
            r.CountedAt,
            AccuracyBreakdown.FirstCountWithin(CountPolicy.Default, r.AbcClass, r.Expected, r.Counted, r.FirstCounted, r.WithinTolerance, r.UnitCost),
            locations.GetValueOrDefault(r.LocationId) ?? r.LocationId.ToString(),
            r.AbcClass,
            r.Counter is { } c ? counters.GetValueOrDefault(c) ?? c.ToString() : "unknown",
            r.SiteCode)).ToList();

        var sites = await db.Sites.AsNoTracking().Where(s => siteCode == null || s.Code == siteCode)
            .Select(s => new { s.Code, s.LastPushAt }).ToListAsync(ct);
        var lastCounts = await db.CycleCounts.AsNoTracking().Where(c => siteCode == null || c.SiteCode == siteCode)
            .GroupBy(c => c.SiteCode).Select(g => new { Site = g.Key, Last = g.Max(c => c.UpdatedAt) }).ToDictionaryAsync(g => g.Site, g => g.Last, ct);
        var perSite = AccuracyBreakdown.By(lines, l => l.Site).ToDictionary(g => g.Key);
        var bySite = sites.Select(s => s.Code).Union(perSite.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(code =>
            {
                var g = perSite.GetValueOrDefault(code);
                return new SiteAccuracy(code, g?.LinesCounted ?? 0, g?.LinesWithinTolerance ?? 0, g?.Accuracy,
                    lastCounts.TryGetValue(code, out var last) ? last : null, sites.FirstOrDefault(s => s.Code == code)?.LastPushAt);
            })
            .ToList();

        var total = AccuracyBreakdown.Total(lines);
        var period = string.IsNullOrEmpty(groupBy) ? AccuracyBreakdown.Week : groupBy;
        return new CloudInventoryAccuracy(from, to, period, total.LinesCounted, total.LinesWithinTolerance, total.Accuracy, bySite,
            AccuracyBreakdown.By(lines, l => l.Location), AccuracyBreakdown.By(lines, l => l.AbcClass),
            AccuracyBreakdown.By(lines, l => l.Counter), AccuracyBreakdown.By(lines, l => AccuracyBreakdown.PeriodOf(l.CountedAt, period)));
    }
}
