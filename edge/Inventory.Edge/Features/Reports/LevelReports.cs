using Inventory.Domain.Ledger;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Edge.Features.Reports;

public sealed record ReorderItem(
    Guid ProductId, string Sku, string Name, Guid LocationId, string LocationCode, long Quantity, long Reserved, long Available,
    int ReorderPoint, int? ReorderQuantity, int? MaxLevel, long SuggestedQuantity);

public sealed record LowStockItem(
    Guid ProductId, string Sku, string Name, Guid LocationId, string LocationCode, long Quantity, long Reserved, long Available,
    int? ReorderPoint, string Status);

public sealed record ItemsReport<T>(DateTimeOffset GeneratedAt, IReadOnlyList<T> Items);

/// <summary>The reports read from current levels: what to reorder, and what is low or out.</summary>
internal static class LevelReports
{
    public static async Task<Results<Ok<ItemsReport<ReorderItem>>, FileContentHttpResult, ValidationProblem>> Reorder(
        Guid? locationId, string? format, EdgeDatabase database, ReportOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = ReportOutput.Format(new Validation(), format, out var parsed);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var rows = await LevelRows.ReadAsync(database, locationId, "point IS NOT NULL AND sum(l.quantity) - sum(l.reserved) <= point", cancellationToken);
        var items = rows.Select(r => new ReorderItem(
            r.ProductId, r.Sku, r.Name, r.LocationId, r.LocationCode, r.Quantity, r.Reserved, r.Available, r.ReorderPoint!.Value,
            r.ReorderQuantity, r.MaxLevel, ReorderSuggestion.Suggest(r.Available, r.ReorderPoint.Value, r.ReorderQuantity, r.MaxLevel))).ToList();
        return output.Send(parsed, new ItemsReport<ReorderItem>(time.GetUtcNow(), items), () => new ReportTable(
            "reorder", "Reorder: at or below the reorder point",
            StockValuationReport.Filters(("location", locationId?.ToString())),
            [new("SKU", Width: 1.5), new("Name", Width: 3), new("Location"), new("On hand", true), new("Available", true),
             new("Reorder point", true), new("Reorder qty", true), new("Max", true), new("Suggested", true)],
            [.. items.Select(i => new[]
            {
                i.Sku, i.Name, i.LocationCode, Cells.Of(i.Quantity), Cells.Of(i.Available), Cells.Of(i.ReorderPoint),
                Cells.Of(i.ReorderQuantity), Cells.Of(i.MaxLevel), Cells.Of(i.SuggestedQuantity),
            })]));
    }

    public static async Task<Results<Ok<ItemsReport<LowStockItem>>, FileContentHttpResult, ValidationProblem>> LowStock(
        Guid? locationId, string? format, EdgeDatabase database, ReportOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = ReportOutput.Format(new Validation(), format, out var parsed);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var rows = await LevelRows.ReadAsync(database, locationId, "status IN ('low', 'out')", cancellationToken);
        var items = rows.Select(r => new LowStockItem(
            r.ProductId, r.Sku, r.Name, r.LocationId, r.LocationCode, r.Quantity, r.Reserved, r.Available, r.ReorderPoint, r.Status)).ToList();
        return output.Send(parsed, new ItemsReport<LowStockItem>(time.GetUtcNow(), items), () => new ReportTable(
            "low-stock", "Low stock: low or out",
            StockValuationReport.Filters(("location", locationId?.ToString())),
            [new("SKU", Width: 1.5), new("Name", Width: 3), new("Location"), new("On hand", true), new("Reserved", true),
             new("Available", true), new("Reorder point", true), new("Status")],
            [.. items.Select(i => new[]
            {
                i.Sku, i.Name, i.LocationCode, Cells.Of(i.Quantity), Cells.Of(i.Reserved), Cells.Of(i.Available),
                Cells.Of(i.ReorderPoint), i.Status,
            })]));
    }
}
