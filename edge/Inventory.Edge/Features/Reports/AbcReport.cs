using System.Globalization;
using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Domain.Valuation;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Edge.Features.Reports;

public sealed record AbcItem(Guid ProductId, string Sku, string Name, long Quantity, decimal? ConsumptionValue, decimal Share, string Class);

public sealed record AbcAnalysis(DateTimeOffset From, DateTimeOffset To, int A, int B, string Method, string Basis, decimal? TotalValue, IReadOnlyList<AbcItem> Items);

/// <summary>
/// ABC by consumption value over [from, to]: what was shipped, at the cost the ledger's layers gave it
/// (method, default fifo), per product over all locations. Sorted by value, a product is A while the
/// share of the products before it is under a%, B under a+b%, else C; so the largest product is always A.
/// Products in stock that shipped nothing are C. Managers get it by consumption value (basis "value"); every
/// other role by shipped quantity (basis "quantity"): a share or class by value beside each quantity would tell
/// them how costs compare, which they may not see.
/// </summary>
internal static class AbcReport
{
    public static async Task<Results<Ok<AbcAnalysis>, FileContentHttpResult, ValidationProblem>> Handle(
        int? a, int? b, DateTimeOffset? from, DateTimeOffset? to, string? method, string? format, ClaimsPrincipal user,
        EdgeDatabase database, LedgerValuation valuation, ReportOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        var (pa, pb) = (a ?? 80, b ?? 15);
        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-365);
        var parsedMethod = ValuationMethod.Fifo;
        var v = new Validation()
            .Require(pa is > 0 and < 100 && pb is >= 0 && pa + pb <= 100, "a", "'a' and 'b' are percentages with 0 < a and a + b ≤ 100.")
            .Require(start < end, "to", "'to' comes after 'from'.")
            .Require(method is null || ValuationMethods.TryParse(method, out parsedMethod), "method", "'method' is one of fifo, lifo, wac.");
        v = ReportOutput.Format(v, format, out var parsed);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var run = await valuation.RunAsync(parsedMethod, end, start, cancellationToken);
        var showValue = user.Can(Permission.ViewCostPrices);
        var ranked = Rank(run, pa, pb, showValue);
        var total = ranked.Sum(x => x.Measure);
        var items = ranked.Select(x =>
        {
            var product = run.Catalog.GetValueOrDefault(x.Id);
            return new AbcItem(product?.Id ?? Guid.Parse(x.Id), product?.Sku ?? "", product?.Name ?? "", x.Quantity,
                showValue ? ValuationMethods.ToCents(x.Cost) : null, total == 0 ? 0 : Math.Round(x.Measure / total * 100m, 2), x.Class);
        }).ToList();

        var report = new AbcAnalysis(start, end, pa, pb, parsedMethod.ToWireName(), showValue ? "value" : "quantity",
            showValue ? ValuationMethods.ToCents(total) : null, items);
        return output.Send(parsed, report, () => new ReportTable(
            "abc", showValue ? "ABC analysis by consumption value" : "ABC analysis by shipped quantity",
            StockValuationReport.Filters(("from", Cells.Of(start)), ("to", Cells.Of(end)),
                ("classes", $"A {pa}% · B {pb}% · C {100 - pa - pb}%"), ("method", parsedMethod.ToWireName())),
            [new("SKU", Width: 1.5), new("Name", Width: 3), new("Shipped", true), .. (showValue ? new[] { new ReportColumn("Consumption value", true, 1.3) } : []),
             new("Share %", true), new("Class")],
            [.. items.Select(i => (string?[])
            [
                i.Sku, i.Name, Cells.Of(i.Quantity), .. (showValue ? new[] { Cells.Money(i.ConsumptionValue) } : []),
                i.Share.ToString("0.00", CultureInfo.InvariantCulture), i.Class,
            ])],
            report.TotalValue is { } t ? $"Total consumption value {Cells.Money(t)}" : null));
    }

    /// <summary>
    /// Every product shipped or in stock, largest measure first, with its class: consumption value (byValue) or shipped
    /// quantity. Also what cycle counting classes products by (by value, 80/15).
    /// </summary>
    internal static List<(string Id, long Quantity, decimal Cost, decimal Measure, string Class)> Rank(ValuationRun run, int pa, int pb, bool byValue)
    {
        var inStock = run.Positions.Where(p => p.Quantity > 0).Select(p => p.ProductId).ToHashSet(StringComparer.Ordinal);
        var ranked = run.Consumption
            .Select(kv => (Id: kv.Key, kv.Value.Quantity, kv.Value.Cost))
            .Concat(inStock.Where(id => !run.Consumption.ContainsKey(id)).Select(id => (Id: id, Quantity: 0L, Cost: 0m)))
            .Select(x => (x.Id, x.Quantity, x.Cost, Measure: byValue ? x.Cost : x.Quantity))
            .OrderByDescending(x => x.Measure).ThenBy(x => run.Catalog.GetValueOrDefault(x.Id)?.Sku, StringComparer.Ordinal)
            .ToList();
        var total = ranked.Sum(x => x.Measure);
        var result = new List<(string, long, decimal, decimal, string)>(ranked.Count);
        decimal before = 0;
        foreach (var (id, quantity, cost, measure) in ranked)
        {
            var shareBefore = total == 0 ? 100m : before / total * 100m;
            result.Add((id, quantity, cost, measure, measure == 0 ? "C" : shareBefore < pa ? "A" : shareBefore < pa + pb ? "B" : "C"));
            before += measure;
        }

        return result;
    }
}
