using Inventory.Domain.Counting;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Counting.Plans;

/// <summary>
/// Makes each planned location's count for a day: every stock level of the location (quantity other than 0) is an item
/// whose period is its ABC class's frequency, or a shorter matching extra rule's; <see cref="CountSchedule.DueOn"/> picks
/// what is due (stock already in an open count is skipped), and one blind count of exactly that stock is made. The
/// plan's ScheduledThrough moves to the day in the same transaction as the count, so a day is made once, across runs
/// and restarts. Called by <see cref="CountSchedulerService"/> daily and directly by tests with a simulated day.
/// </summary>
public sealed partial class CountScheduler(IServiceScopeFactory scopes, ILogger<CountScheduler> logger) : IDisposable
{
    /// <summary>The cycle count's source for counts the plan made.</summary>
    public const string Source = "plan";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Makes the day's counts of every enabled plan not yet scheduled through that day; the counts made.</summary>
    public async Task<IReadOnlyList<CycleCount>> RunForDayAsync(DateOnly day, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            List<Guid> locations;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
                var site = scope.ServiceProvider.GetRequiredService<IOptions<EdgeOptions>>().Value.Site.Code;
                locations = await (from p in db.CountPlans.AsNoTracking()
                                   join l in db.Locations.AsNoTracking() on p.LocationId equals l.Id
                                   where p.Enabled && l.SiteCode == site && (p.ScheduledThrough == null || p.ScheduledThrough < day) && p.StartedOn <= day
                                   select p.LocationId).ToListAsync(ct);
            }

            var made = new List<CycleCount>();
            foreach (var location in locations)
            {
                if (await RunLocationAsync(location, day, ct) is { } count)
                {
                    made.Add(count);
                }
            }

            return made;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One location's day, each attempt in a scope of its own; a second attempt only when a count made by hand took some of the stock meanwhile.</summary>
    private async Task<CycleCount?> RunLocationAsync(Guid locationId, DateOnly day, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
            var plan = await db.CountPlans.Include(p => p.Rules).FirstOrDefaultAsync(p => p.LocationId == locationId, ct);
            if (plan is null || !plan.Enabled || plan.ScheduledThrough >= day)
            {
                return null;
            }

            var policy = CountPlanPolicy.Of(plan);
            var classes = await scope.ServiceProvider.GetRequiredService<AbcClasses>().TodayAsync(ct);
            var items = await ItemsAsync(db, plan, policy, classes, ct);
            var open = await OpenKeysAsync(db, locationId, ct);
            var due = CountSchedule.DueOn(day, plan.StartedOn, items, policy, open);
            plan.ScheduledThrough = day;
            if (due.Count == 0)
            {
                await db.SaveChangesAsync(ct);
                return null;
            }

            // The factory's SaveChanges also writes ScheduledThrough (tracked above), in the count's transaction.
            var factory = scope.ServiceProvider.GetRequiredService<CycleCountFactory>();
            var keys = due.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
            switch (await factory.CreateAsync(new CountSelection(locationId, Keys: keys, Blind: true), Source, null, ct))
            {
                case CountCreation.Created created:
                    LogMade(logger, created.Count.Number, created.Count.Lines.Count, day);
                    return created.Count;
                case CountCreation.Overlaps overlap when attempt < 2:
                    LogRetry(logger, locationId, overlap.Message);
                    continue;
                case CountCreation.Overlaps overlap:
                    LogGaveUp(logger, locationId, day, overlap.Message);
                    return null;
                default:
                    return null;
            }
        }
    }

    private static async Task<List<CountItem>> ItemsAsync(
        EdgeDbContext db, CountPlan plan, CountPolicy policy, IReadOnlyDictionary<Guid, string> classes, CancellationToken ct)
    {
        var levels = await (from l in db.StockLevels.AsNoTracking()
                            join p in db.Products.AsNoTracking() on l.ProductId equals p.Id
                            where l.LocationId == plan.LocationId && l.Quantity != 0
                            select new { l.ProductId, l.Bin, l.Lot, p.CategoryId, l.LastCountedAt }).ToListAsync(ct);
        var rules = plan.Rules.Select(r => (r.CategoryId, Bins: r.Bins?.Split(',').ToHashSet(StringComparer.Ordinal), r.FrequencyDays)).ToList();
        return [.. levels.Select(l =>
        {
            var period = policy.FrequencyDays.Of(AbcClasses.Of(classes, l.ProductId));
            foreach (var rule in rules)
            {
                if ((rule.CategoryId is null || rule.CategoryId == l.CategoryId) && (rule.Bins is null || rule.Bins.Contains(l.Bin)))
                {
                    period = Math.Min(period, rule.FrequencyDays);
                }
            }

            DateOnly? last = l.LastCountedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null;
            return new CountItem(CountKeys.Of(l.ProductId, l.Bin, l.Lot), period, last);
        })];
    }

    private static async Task<HashSet<string>> OpenKeysAsync(EdgeDbContext db, Guid locationId, CancellationToken ct)
    {
        var open = await db.CycleCountLines.AsNoTracking()
            .Where(l => l.LocationId == locationId
                && (l.Status == CountLineStatus.Pending || l.Status == CountLineStatus.Counted || l.Status == CountLineStatus.NeedsApproval))
            .Select(l => new { l.ProductId, l.Bin, l.Lot }).ToListAsync(ct);
        return open.Select(o => CountKeys.Of(o.ProductId, o.Bin, o.Lot)).ToHashSet(StringComparer.Ordinal);
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan count {Number} made for {Day} with {Lines} lines")]
    private static partial void LogMade(ILogger logger, string number, int lines, DateOnly day);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan count of location {LocationId} overlapped a count made meanwhile ({Message}); trying again")]
    private static partial void LogRetry(ILogger logger, Guid locationId, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan count of location {LocationId} for {Day} not made: {Message}")]
    private static partial void LogGaveUp(ILogger logger, Guid locationId, DateOnly day, string message);
}
