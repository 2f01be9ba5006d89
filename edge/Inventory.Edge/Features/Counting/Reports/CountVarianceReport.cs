using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Domain.Counting;
using Inventory.Domain.Valuation;
using Inventory.Edge.Features.Reports;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Counting.Reports;

/// <summary>
/// One line of a submitted count: variance = counted − expected (null while not counted). <c>UnitCost</c> and
/// <c>Value</c> (unit cost × variance) only for ViewCostPrices.
/// </summary>
public sealed record CountVarianceLine(
    Guid LineId, Guid ProductId, string Sku, string Name, string? Bin, string? Lot, string AbcClass, long Expected, long? Counted,
    long? FirstCounted, long? Variance, string Status, string Decision, bool? WithinTolerance, bool Added, decimal? UnitCost, decimal? Value);

/// <summary>Totals: net units (over and under cancel out here, unlike accuracy) and absolute units; values for ViewCostPrices.</summary>
public sealed record CountVariance(
    Guid Id, string Number, Guid LocationId, string? LocationCode, string Status, bool Blind, DateTimeOffset? SubmittedAt,
    IReadOnlyList<CountVarianceLine> Lines, long LinesCounted, long NetVariance, long AbsoluteVariance, decimal? NetValue, decimal? AbsoluteValue);

/// <summary>
/// GET /api/cycle-counts/{id}/variance: a submitted count's lines with expected, counted and variance. A count not yet
/// submitted (open) or cancelled answers 409 and reveals nothing: a blind count's expected quantities stay on the server.
/// </summary>
internal static class CountVarianceReport
{
    public static async Task<Results<Ok<CountVariance>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, string? format, ClaimsPrincipal user, EdgeDbContext db, ReportOutput output, CancellationToken cancellationToken)
    {
        var v = ReportOutput.Format(new Validation(), format, out var parsed);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var count = await db.CycleCounts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (count is null)
        {
            return Problems.NotFound($"No cycle count {id}.");
        }

        if (count.Status is not (CycleCountStatus.NeedsApproval or CycleCountStatus.Completed))
        {
            return Problems.Conflict($"Count {count.Number} is {count.Status}: its variance exists once it is submitted.", "Count not submitted");
        }

        var rows = await (
            from l in db.CycleCountLines.AsNoTracking()
            join p in db.Products.AsNoTracking() on l.ProductId equals p.Id
            where l.CountId == id
            select new { Line = l, p.Sku, p.Name })
            .ToListAsync(cancellationToken);
        var locationCode = await db.Locations.AsNoTracking().Where(l => l.Id == count.LocationId).Select(l => l.Code)
            .FirstOrDefaultAsync(cancellationToken);
        var cost = user.Can(Permission.ViewCostPrices);
        var lines = rows
            .OrderBy(r => r.Line.Bin, StringComparer.Ordinal).ThenBy(r => r.Sku, StringComparer.Ordinal).ThenBy(r => r.Line.Lot, StringComparer.Ordinal)
            .Select(r =>
            {
                var l = r.Line;
                var variance = l.Counted - l.Expected;
                return new CountVarianceLine(l.Id, l.ProductId, r.Sku, r.Name, l.Bin.Length == 0 ? null : l.Bin, l.Lot.Length == 0 ? null : l.Lot,
                    l.AbcClass, l.Expected, l.Counted, l.FirstCounted, variance, l.Status, l.Decision, l.WithinTolerance, l.Added,
                    cost ? l.UnitCost : null,
                    cost && variance is { } d ? ValuationMethods.ToCents((l.UnitCost ?? 0m) * d) : null);
            })
            .ToList();
        var counted = lines.Where(l => l.Variance is not null).ToList();
        var report = new CountVariance(count.Id, count.Number, count.LocationId, locationCode, count.Status, count.Blind, count.SubmittedAt, lines,
            counted.Count, counted.Sum(l => l.Variance!.Value), counted.Sum(l => Math.Abs(l.Variance!.Value)),
            cost ? counted.Sum(l => l.Value ?? 0m) : null, cost ? counted.Sum(l => Math.Abs(l.Value ?? 0m)) : null);
        // ReportOutput answers a report's union without a ProblemHttpResult: widened here, case by case.
        return output.Send(parsed, report, () => Table(report, cost)).Result switch
        {
            Ok<CountVariance> ok => ok,
            FileContentHttpResult file => file,
            ValidationProblem problem => problem,
            var other => throw new InvalidOperationException($"Unexpected report answer {other.GetType().Name}."),
        };
    }

    private static ReportTable Table(CountVariance r, bool cost) => new(
        "count-variance", $"Count variance {r.Number}",
        StockValuationReport.Filters(("count", r.Number), ("location", r.LocationCode), ("status", r.Status), ("submitted", Cells.Of(r.SubmittedAt)),
            ("value", cost ? "unit cost when the count was made" : null)),
        [new("SKU", Width: 1.5), new("Name", Width: 2.5), new("Bin"), new("Lot"), new("Class", Width: 0.6), new("Expected", true),
         new("Counted", true), new("Variance", true), new("Status", Width: 1.3),
         .. (cost ? new[] { new ReportColumn("Unit cost", true), new ReportColumn("Value", true) } : [])],
        [.. r.Lines.Select(l => (string?[])
        [
            l.Sku, l.Name, l.Bin, l.Lot, l.AbcClass, Cells.Of(l.Expected), Cells.Of(l.Counted), Cells.Of(l.Variance), l.Status,
            .. (cost ? new[] { Cells.Money(l.UnitCost), Cells.Money(l.Value) } : []),
        ])],
        $"Lines counted {r.LinesCounted}, net variance {r.NetVariance}, absolute variance {r.AbsoluteVariance}"
        + (cost ? $", net value {Cells.Money(r.NetValue)}, absolute value {Cells.Money(r.AbsoluteValue)}" : ""));
}
