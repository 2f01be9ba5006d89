using System.Globalization;
using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Domain.Lots;
using Inventory.Domain.Valuation;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Reports;

/// <summary>One lot on hand at one location and bin; DaysLeft is negative once expired; Value only for managers.</summary>
public sealed record ExpiryItem(
    Guid ProductId, string Sku, string Name, Guid LocationId, string LocationCode, string? Bin, string Lot, DateOnly Expiry,
    int DaysLeft, long Quantity, string Status, decimal? Value);

public sealed record Expiry(int Days, DateOnly Today, DateOnly Until, decimal? TotalValue, IReadOnlyList<ExpiryItem> Items);

/// <summary>
/// GET /api/reports/expiry: stock on hand at this box whose lot expires within N days or has expired, per location and
/// bin, soonest first. The value is at FIFO cost: the ledger's FIFO value of the product at that location divided by
/// its quantity there (cost layers are kept per product and location, not per lot), times the lot's quantity.
/// </summary>
internal static class ExpiryReport
{
    public static async Task<Results<Ok<Expiry>, FileContentHttpResult, ValidationProblem>> Handle(
        int? days, Guid? locationId, string? format, ClaimsPrincipal user, EdgeDbContext db, EdgeDatabase database,
        LedgerValuation valuation, ReportOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = new Validation().Require(days is null or (>= 1 and <= 3650), "days", "'days' is from 1 to 3650.");
        v = ReportOutput.Format(v, format, out var parsed);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var n = days ?? 30;
        var until = today.AddDays(n);

        var levels = await (
            from l in db.StockLevels.AsNoTracking()
            join p in db.Products.AsNoTracking() on l.ProductId equals p.Id
            join loc in db.Locations.AsNoTracking() on l.LocationId equals loc.Id
            where l.Lot != "" && l.Quantity > 0 && (locationId == null || l.LocationId == locationId)
            select new { l.ProductId, p.Sku, p.Name, l.LocationId, LocationCode = loc.Code, l.Bin, l.Lot, l.Expiry, l.Quantity })
            .ToListAsync(cancellationToken);
        var productIds = levels.Select(l => l.ProductId).Distinct().ToList();
        var lots = (await db.Lots.AsNoTracking().Where(l => productIds.Contains(l.ProductId)).ToListAsync(cancellationToken))
            .ToDictionary(l => (l.ProductId, l.Code));

        Dictionary<(Guid, Guid), decimal>? unitCosts = null;
        if (user.Can(Permission.ViewCostPrices))
        {
            var worth = await StockValuationReport.RunAsync(ValuationMethod.Fifo, now, locationId, valuation, database, cancellationToken);
            unitCosts = worth.Items.Where(i => i.Quantity > 0).ToDictionary(i => (i.ProductId, i.LocationId), i => i.Value / i.Quantity);
        }

        var items = levels
            .Select(l =>
            {
                var row = lots.GetValueOrDefault((l.ProductId, l.Lot));
                var expiry = row?.Expiry ?? ParseDate(l.Expiry);
                return (Level: l, Row: row, Expiry: expiry);
            })
            .Where(x => x.Expiry is { } e && e <= until)
            .Select(x => new ExpiryItem(
                x.Level.ProductId, x.Level.Sku, x.Level.Name, x.Level.LocationId, x.Level.LocationCode,
                x.Level.Bin.Length == 0 ? null : x.Level.Bin, x.Level.Lot, x.Expiry!.Value, x.Expiry.Value.DayNumber - today.DayNumber,
                x.Level.Quantity, LotStatus.Effective(x.Row?.Status, x.Expiry, today),
                unitCosts is null ? null
                : unitCosts.TryGetValue((x.Level.ProductId, x.Level.LocationId), out var unit) ? ValuationMethods.ToCents(unit * x.Level.Quantity)
                : 0m))
            .OrderBy(i => i.Expiry).ThenBy(i => i.LocationCode, StringComparer.Ordinal).ThenBy(i => i.Sku, StringComparer.Ordinal)
            .ThenBy(i => i.Bin, StringComparer.Ordinal).ThenBy(i => i.Lot, StringComparer.Ordinal)
            .ToList();
        var withValue = unitCosts is not null;
        var total = withValue ? items.Sum(i => i.Value ?? 0) : (decimal?)null;
        return output.Send(parsed, new Expiry(n, today, until, total, items), () => new ReportTable(
            "expiry", $"Lots expiring within {n} days or expired",
            StockValuationReport.Filters(("days", n.ToString(CultureInfo.InvariantCulture)), ("today", Day(today)), ("until", Day(until)),
                ("location", locationId?.ToString()), ("value", withValue ? "fifo cost of the location" : null)),
            [new("SKU", Width: 1.5), new("Name", Width: 2.5), new("Location"), new("Bin"), new("Lot"), new("Expiry", Width: 1.2),
             new("Days left", true), new("Quantity", true), new("Status"),
             .. (withValue ? new[] { new ReportColumn("Value", true) } : [])],
            [.. items.Select(i => (string?[])
            [
                i.Sku, i.Name, i.LocationCode, i.Bin, i.Lot, Day(i.Expiry), i.DaysLeft.ToString(CultureInfo.InvariantCulture),
                Cells.Of(i.Quantity), i.Status, .. (withValue ? new[] { Cells.Money(i.Value) } : []),
            ])],
            total is { } t ? $"Total value {Cells.Money(t)}" : null));
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
