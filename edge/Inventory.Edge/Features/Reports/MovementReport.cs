using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.Edge.Features.Reports;

public sealed record MovementLine(
    Guid ProductId, string Sku, Guid LocationId, string LocationCode, long Opening, long In, long Out, long Closing);

public sealed record MovementSummary(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<MovementLine> Items);

/// <summary>
/// Opening, in, out and closing per product and location over [from, to), by recorded_at like every
/// report (as booked). In and out are the positive and negative lines of any type, so opening + in − out
/// = closing holds exactly; a transfer is out at one location and in at the other.
/// </summary>
internal static class MovementReport
{
    public static async Task<Results<Ok<MovementSummary>, FileContentHttpResult, ValidationProblem>> Handle(
        DateTimeOffset? from, DateTimeOffset? to, Guid? locationId, string? format, EdgeDatabase database, ReportOutput output,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-30);
        var v = new Validation().Require(start < end, "to", "'to' comes after 'from'.");
        v = ReportOutput.Format(v, format, out var parsed);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var catalog = await LedgerValuation.ReadCatalogAsync(connection, cancellationToken);
        var locations = await ReportOutput.ReadLocationsAsync(connection, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT product_id, location_id,
                   sum(CASE WHEN recorded_at < $from THEN quantity ELSE 0 END),
                   sum(CASE WHEN recorded_at >= $from AND quantity > 0 THEN quantity ELSE 0 END),
                   sum(CASE WHEN recorded_at >= $from AND quantity < 0 THEN -quantity ELSE 0 END)
            FROM stock_movements
            WHERE recorded_at < $to AND quantity <> 0 {(locationId is null ? "" : "AND location_id = $location")}
            GROUP BY product_id, location_id
            """;
        command.Parameters.AddWithValue("$from", start.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", end.ToUnixTimeMilliseconds());
        if (locationId is { } id)
        {
            command.Parameters.AddWithValue("$location", id.ToString("D"));
        }

        var items = new List<MovementLine>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (opening, inbound, outbound) = (reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
                if (opening == 0 && inbound == 0 && outbound == 0)
                {
                    continue;
                }

                var product = catalog.GetValueOrDefault(reader.GetString(0));
                items.Add(new MovementLine(
                    product?.Id ?? Guid.Parse(reader.GetString(0)), product?.Sku ?? "", Guid.Parse(reader.GetString(1)),
                    locations.TryGetValue(reader.GetString(1), out var l) ? l.Code : "", opening, inbound, outbound, opening + inbound - outbound));
            }
        }

        items.Sort((a, b) => (string.CompareOrdinal(a.Sku, b.Sku), string.CompareOrdinal(a.LocationCode, b.LocationCode)) switch
        {
            (0, var c) => c,
            (var c, _) => c,
        });
        return output.Send(parsed, new MovementSummary(start, end, items), () => new ReportTable(
            "movement", "Stock movement: opening, in, out, closing",
            StockValuationReport.Filters(("from", Cells.Of(start)), ("to", Cells.Of(end)), ("location", locationId?.ToString())),
            [new("SKU", Width: 2), new("Location"), new("Opening", true), new("In", true), new("Out", true), new("Closing", true)],
            [.. items.Select(i => new[] { i.Sku, i.LocationCode, Cells.Of(i.Opening), Cells.Of(i.In), Cells.Of(i.Out), Cells.Of(i.Closing) })]));
    }
}
