using System.Globalization;
using Inventory.Domain.Counting;
using Inventory.Edge.Features.Reports;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Counting.Reports;

/// <summary>
/// Inventory record accuracy over [from, to]: submitted lines (needs_approval or posted, with a counted figure) by the
/// time they were counted; overall and per location (code), ABC class, counter (username of the first figure's
/// counter) and period (<c>groupBy</c> day or week, a week keyed by its Monday).
/// </summary>
public sealed record InventoryAccuracyView(
    DateTimeOffset From, DateTimeOffset To, string GroupBy, long LinesCounted, long LinesWithinTolerance, decimal? Accuracy,
    IReadOnlyList<AccuracyGroup> ByLocation, IReadOnlyList<AccuracyGroup> ByClass, IReadOnlyList<AccuracyGroup> ByCounter,
    IReadOnlyList<AccuracyGroup> OverTime);

/// <summary>GET /api/reports/inventory-accuracy at the box (docs/features/counting.md).</summary>
public sealed class InventoryAccuracyReport(EdgeDbContext db, TimeProvider time)
{
    public const int MaxDays = 3660;

    public static async Task<Results<Ok<InventoryAccuracyView>, FileContentHttpResult, ValidationProblem>> Handle(
        DateTimeOffset? from, DateTimeOffset? to, Guid? locationId, string? groupBy, string? format, InventoryAccuracyReport report,
        ReportOutput output, CancellationToken cancellationToken)
    {
        var v = Check(from, to, groupBy, out var start, out var end, report.Now);
        v = ReportOutput.Format(v, format, out var parsed);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var result = await report.RunAsync(start, end, locationId, groupBy, cancellationToken);
        return output.Send(parsed, result, () => Table(result, locationId));
    }

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Defaults: the last 90 days up to now, by week.</summary>
    public static Validation Check(
        DateTimeOffset? from, DateTimeOffset? to, string? groupBy, out DateTimeOffset start, out DateTimeOffset end, DateTimeOffset now)
    {
        end = to ?? now;
        start = from ?? end.AddDays(-90);
        return new Validation()
            .Require(start <= end, "to", "'to' is not before 'from'.")
            .Require((end - start).TotalDays <= MaxDays, "from", "At most 3660 days at once.")
            .Require(AccuracyBreakdown.IsPeriod(groupBy), "groupBy", "'groupBy' is day or week.");
    }

    public async Task<InventoryAccuracyView> RunAsync(
        DateTimeOffset from, DateTimeOffset to, Guid? locationId, string? groupBy, CancellationToken cancellationToken)
    {
        var rows = await db.CycleCountLines.AsNoTracking()
            .Where(l => (l.Status == CountLineStatus.NeedsApproval || l.Status == CountLineStatus.Posted)
                && l.Counted != null && l.CountedAt != null && l.CountedAt >= from && l.CountedAt <= to
                && (locationId == null || l.LocationId == locationId))
            .Select(l => new
            {
                l.LocationId, l.AbcClass, l.Expected, Counted = l.Counted!.Value, l.FirstCounted, l.WithinTolerance, l.UnitCost,
                CountedAt = l.CountedAt!.Value, Counter = l.FirstCountedBy ?? l.CountedBy,
            })
            .ToListAsync(cancellationToken);
        var locationIds = rows.Select(r => r.LocationId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => l.Code, cancellationToken);
        var plans = await db.CountPlans.AsNoTracking().Where(p => locationIds.Contains(p.LocationId))
            .ToDictionaryAsync(p => p.LocationId, PolicyOf, cancellationToken);
        var counterIds = rows.Where(r => r.Counter != null).Select(r => r.Counter!.Value).Distinct().ToList();
        var counters = await db.Users.AsNoTracking().Where(u => counterIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Username, cancellationToken);

        var lines = rows.Select(r => new AccuracyLine(
            r.CountedAt,
            AccuracyBreakdown.FirstCountWithin(plans.GetValueOrDefault(r.LocationId) ?? CountPolicy.Default, r.AbcClass, r.Expected,
                r.Counted, r.FirstCounted, r.WithinTolerance, r.UnitCost),
            locations.GetValueOrDefault(r.LocationId) ?? r.LocationId.ToString(),
            r.AbcClass,
            r.Counter is { } c ? counters.GetValueOrDefault(c) ?? c.ToString() : "unknown")).ToList();
        var total = AccuracyBreakdown.Total(lines);
        var period = string.IsNullOrEmpty(groupBy) ? AccuracyBreakdown.Week : groupBy;
        return new InventoryAccuracyView(from, to, period, total.LinesCounted, total.LinesWithinTolerance, total.Accuracy,
            AccuracyBreakdown.By(lines, l => l.Location), AccuracyBreakdown.By(lines, l => l.AbcClass),
            AccuracyBreakdown.By(lines, l => l.Counter), AccuracyBreakdown.By(lines, l => AccuracyBreakdown.PeriodOf(l.CountedAt, period)));
    }

    /// <summary>A location's plan as a policy (only its tolerances and value threshold matter here).</summary>
    internal static CountPolicy PolicyOf(CountPlan plan)
    {
        var days = plan.WorkingDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (DayOfWeek)(n % 7) : DayOfWeek.Monday)
            .ToHashSet();
        return new CountPolicy(new PerClass<int>(plan.FrequencyA, plan.FrequencyB, plan.FrequencyC),
            new PerClass<decimal>(plan.ToleranceA, plan.ToleranceB, plan.ToleranceC), plan.ValueThreshold, days);
    }

    private static ReportTable Table(InventoryAccuracyView r, Guid? locationId)
    {
        var rows = new List<string?[]> { Row("Overall", "all", new AccuracyGroup("all", r.LinesCounted, r.LinesWithinTolerance, r.Accuracy)) };
        rows.AddRange(r.ByLocation.Select(g => Row("Location", g.Key, g)));
        rows.AddRange(r.ByClass.Select(g => Row("Class", g.Key, g)));
        rows.AddRange(r.ByCounter.Select(g => Row("Counter", g.Key, g)));
        rows.AddRange(r.OverTime.Select(g => Row(r.GroupBy == AccuracyBreakdown.Day ? "Day" : "Week of", g.Key, g)));
        return new ReportTable(
            "inventory-accuracy", "Inventory record accuracy",
            StockValuationReport.Filters(("from", Cells.Of(r.From)), ("to", Cells.Of(r.To)), ("location", locationId?.ToString()),
                ("groupBy", r.GroupBy)),
            [new("Breakdown"), new("Key", Width: 2), new("Lines counted", true), new("Within tolerance", true), new("Accuracy %", true)],
            rows,
            "Lines within tolerance ÷ lines counted; each line judged on its first figure.");
    }

    private static string?[] Row(string breakdown, string key, AccuracyGroup g) =>
        [breakdown, key, Cells.Of(g.LinesCounted), Cells.Of(g.LinesWithinTolerance), Percent(g.Accuracy)];

    internal static string? Percent(decimal? accuracy) =>
        accuracy is { } a ? (a * 100m).ToString("0.00", CultureInfo.InvariantCulture) : null;
}
