using Inventory.Domain.Counting;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Counting.Plans;

/// <summary>The counts the plans made today (UTC day of the box's clock) per planned location, with their progress.</summary>
public sealed class TodaysPlanCounts(EdgeDbContext db, IOptions<EdgeOptions> options, TimeProvider time)
{
    public async Task<TodaysCounts> ReadAsync(CancellationToken ct)
    {
        var site = options.Value.Site.Code;
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);
        var plans = await (from p in db.CountPlans.AsNoTracking()
                           join l in db.Locations.AsNoTracking() on p.LocationId equals l.Id
                           where l.SiteCode == site
                           orderby l.Code
                           select new { l.Id, l.Code, l.Name, p.Enabled }).ToListAsync(ct);
        var counts = (await db.CycleCounts.AsNoTracking()
                .Where(c => c.Source == CountScheduler.Source && c.CreatedAt >= from && c.CreatedAt < to)
                .Select(c => new
                {
                    c.Id, c.Number, c.Status, c.LocationId, c.CreatedAt,
                    Total = c.Lines.Count(l => l.Status != CountLineStatus.Cancelled),
                    Counted = c.Lines.Count(l => l.Status != CountLineStatus.Cancelled && l.Status != CountLineStatus.Pending),
                })
                .ToListAsync(ct))
            .ToLookup(c => c.LocationId);
        return new TodaysCounts(day, [.. plans.Select(p => new TodaysLocationView(p.Id, p.Code, p.Name, p.Enabled,
            [.. counts[p.Id].OrderBy(c => c.Number, StringComparer.Ordinal)
                .Select(c => new TodaysCountView(c.Id, c.Number, c.Status, c.Counted, c.Total, c.CreatedAt))]))]);
    }
}
