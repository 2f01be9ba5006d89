using Inventory.Domain.Valuation;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Edge.Features.Reports;

public sealed record ValuationItem(Guid ProductId, string Sku, Guid LocationId, string LocationCode, long Quantity, decimal Value);

public sealed record StockValuation(string Method, DateTimeOffset AsOf, decimal TotalValue, IReadOnlyList<ValuationItem> Items);

/// <summary>GET /api/reports/stock-valuation: what stock was worth at a moment, per product and location (managers).</summary>
internal static class StockValuationReport
{
    public static async Task<Results<Ok<StockValuation>, FileContentHttpResult, ValidationProblem>> Handle(
        string? method, DateTimeOffset? asOf, Guid? locationId, string? format,
        LedgerValuation valuation, EdgeDatabase database, ReportOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        var parsed = ValuationMethod.Fifo;
        var v = new Validation().Require(method is null || ValuationMethods.TryParse(method, out parsed), "method", "'method' is one of fifo, lifo, wac.");
        v = ReportOutput.Format(v, format, out var parsedFormat);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var at = asOf ?? time.GetUtcNow();
        var report = await RunAsync(parsed, at, locationId, valuation, database, cancellationToken);
        return output.Send(parsedFormat, report, () => new ReportTable(
            "stock-valuation", $"Stock valuation ({parsed.ToWireName().ToUpperInvariant()})",
            Filters(("method", report.Method), ("as of", Cells.Of(at)!), ("location", locationId?.ToString())),
            [new("SKU", Width: 2), new("Location", Width: 1.2), new("Quantity", true), new("Value", true)],
            [.. report.Items.Select(i => new[] { i.Sku, i.LocationCode, Cells.Of(i.Quantity), Cells.Money(i.Value) })],
            $"Total value {Cells.Money(report.TotalValue)}"));
    }

    internal static async Task<StockValuation> RunAsync(
        ValuationMethod method, DateTimeOffset asOf, Guid? locationId, LedgerValuation valuation, EdgeDatabase database,
        CancellationToken cancellationToken)
    {
        var run = await valuation.RunAsync(method, asOf, null, cancellationToken);
        var locations = await ReportOutput.ReadLocationsAsync(database, cancellationToken);
        var only = locationId?.ToString("D");
        var locationIds = locations.Keys.ToDictionary(k => k, Guid.Parse, StringComparer.Ordinal);
        var items = run.Positions
            .Where(p => only is null || p.LocationId == only)
            .Select(p => new ValuationItem(
                run.Catalog.TryGetValue(p.ProductId, out var product) ? product.Id : Guid.Parse(p.ProductId),
                product?.Sku ?? "",
                locationIds.TryGetValue(p.LocationId, out var lid) ? lid : Guid.Parse(p.LocationId),
                locations.TryGetValue(p.LocationId, out var location) ? location.Code : "",
                p.Quantity,
                ValuationMethods.ToCents(p.Value)))
            .OrderBy(i => i.Sku, StringComparer.Ordinal).ThenBy(i => i.LocationCode, StringComparer.Ordinal)
            .ToList();
        return new StockValuation(method.ToWireName(), asOf, items.Sum(i => i.Value), items);
    }

    internal static List<KeyValuePair<string, string>> Filters(params (string Name, string? Value)[] filters) =>
        [.. filters.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!))];
}
