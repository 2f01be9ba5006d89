using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Domain.Valuation;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Edge.Features.Reports;

public sealed record LocationSummary(
    Guid LocationId, string LocationCode, int Products, long Quantity, long Reserved, long Available, int Low, int Out, decimal? Value);

/// <summary>Stock per location: how many products, units, and how many are low or out; the value for managers.</summary>
internal static class StockSummaryReport
{
    public static async Task<Results<Ok<ItemsReport<LocationSummary>>, FileContentHttpResult, ValidationProblem>> Handle(
        string? method, string? format, ClaimsPrincipal user, EdgeDatabase database, LedgerValuation valuation, ReportOutput output,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var parsedMethod = ValuationMethod.Fifo;
        var v = new Validation().Require(method is null || ValuationMethods.TryParse(method, out parsedMethod), "method", "'method' is one of fifo, lifo, wac.");
        v = ReportOutput.Format(v, format, out var parsed);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var now = time.GetUtcNow();
        var rows = await LevelRows.ReadAsync(database, null, null, cancellationToken);
        Dictionary<Guid, decimal>? values = null;
        if (user.Can(Permission.ViewCostPrices))
        {
            var worth = await StockValuationReport.RunAsync(parsedMethod, now, null, valuation, database, cancellationToken);
            values = worth.Items.GroupBy(i => i.LocationId).ToDictionary(g => g.Key, g => g.Sum(i => i.Value));
        }

        var items = rows.GroupBy(r => (r.LocationId, r.LocationCode)).Select(g => new LocationSummary(
            g.Key.LocationId, g.Key.LocationCode, g.Count(r => r.Quantity != 0), g.Sum(r => r.Quantity), g.Sum(r => r.Reserved),
            g.Sum(r => r.Available), g.Count(r => r.Status == "low"), g.Count(r => r.Status == "out"),
            values is null ? null : values.GetValueOrDefault(g.Key.LocationId))).ToList();
        var withValue = values is not null;
        return output.Send(parsed, new ItemsReport<LocationSummary>(now, items), () => new ReportTable(
            "stock-summary", "Stock summary per location",
            StockValuationReport.Filters(("value method", withValue ? parsedMethod.ToWireName() : null)),
            [new("Location", Width: 1.5), new("Products", true), new("On hand", true), new("Reserved", true), new("Available", true),
             new("Low", true), new("Out", true), .. (withValue ? new[] { new ReportColumn("Value", true, 1.5) } : [])],
            [.. items.Select(i => (string?[])
            [
                i.LocationCode, Cells.Of(i.Products), Cells.Of(i.Quantity), Cells.Of(i.Reserved), Cells.Of(i.Available),
                Cells.Of(i.Low), Cells.Of(i.Out), .. (withValue ? new[] { Cells.Money(i.Value) } : []),
            ])]));
    }
}
