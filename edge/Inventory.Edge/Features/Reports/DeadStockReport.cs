using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Domain.Valuation;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Edge.Features.Reports;

public sealed record DeadStockItem(
    Guid ProductId, string Sku, string Name, Guid LocationId, string LocationCode, long Quantity, DateTimeOffset? LastOutboundAt, decimal? Value);

public sealed record DeadStock(int Days, DateTimeOffset Since, decimal? TotalValue, IReadOnlyList<DeadStockItem> Items);

/// <summary>
/// Stock on hand that nothing left for N days: no ship and no transfer out at that location since then
/// (counts and adjustments are corrections, not demand). Value for managers, from the ledger's layers.
/// </summary>
internal static class DeadStockReport
{
    public static async Task<Results<Ok<DeadStock>, FileContentHttpResult, ValidationProblem>> Handle(
        int? days, Guid? locationId, string? method, string? format, ClaimsPrincipal user, EdgeDatabase database,
        LedgerValuation valuation, ReportOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        var parsedMethod = ValuationMethod.Fifo;
        var v = new Validation()
            .Require(days is null or (>= 1 and <= 3650), "days", "'days' is from 1 to 3650.")
            .Require(method is null || ValuationMethods.TryParse(method, out parsedMethod), "method", "'method' is one of fifo, lifo, wac.");
        v = ReportOutput.Format(v, format, out var parsed);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var now = time.GetUtcNow();
        var n = days ?? 90;
        var since = now.AddDays(-n);
        var lastOut = new Dictionary<(Guid, Guid), long>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT product_id, location_id, max(recorded_at) FROM stock_movements
                WHERE type IN ('ship', 'transfer_out') GROUP BY product_id, location_id
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lastOut[(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)))] = reader.GetInt64(2);
            }
        }

        var rows = await LevelRows.ReadAsync(database, locationId, "sum(l.quantity) > 0", cancellationToken);
        Dictionary<(Guid, Guid), decimal>? values = null;
        if (user.Can(Permission.ViewCostPrices))
        {
            var worth = await StockValuationReport.RunAsync(parsedMethod, now, locationId, valuation, database, cancellationToken);
            values = worth.Items.ToDictionary(i => (i.ProductId, i.LocationId), i => i.Value);
        }

        var items = rows
            .Select(r => (Row: r, Last: lastOut.TryGetValue((r.ProductId, r.LocationId), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null))
            .Where(x => x.Last is null || x.Last < since)
            .Select(x => new DeadStockItem(
                x.Row.ProductId, x.Row.Sku, x.Row.Name, x.Row.LocationId, x.Row.LocationCode, x.Row.Quantity, x.Last,
                values?.GetValueOrDefault((x.Row.ProductId, x.Row.LocationId))))
            .ToList();
        var total = values is null ? (decimal?)null : items.Sum(i => i.Value ?? 0);
        var withValue = values is not null;
        return output.Send(parsed, new DeadStock(n, since, total, items), () => new ReportTable(
            "dead-stock", $"Dead stock: no outbound for {n} days",
            StockValuationReport.Filters(("days", n.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("since", Cells.Of(since)),
                ("location", locationId?.ToString()), ("value method", withValue ? parsedMethod.ToWireName() : null)),
            [new("SKU", Width: 1.5), new("Name", Width: 3), new("Location"), new("On hand", true), new("Last outbound", Width: 1.3),
             .. (withValue ? new[] { new ReportColumn("Value", true) } : [])],
            [.. items.Select(i => (string?[])
            [
                i.Sku, i.Name, i.LocationCode, Cells.Of(i.Quantity), Cells.Of(i.LastOutboundAt) ?? "never",
                .. (withValue ? new[] { Cells.Money(i.Value) } : []),
            ])],
            total is { } t ? $"Total value {Cells.Money(t)}" : null));
    }
}
