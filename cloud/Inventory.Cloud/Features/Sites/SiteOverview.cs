using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Inventory.Cloud.Features.Sites;

/// <summary>
/// Every site at a glance for head office: stock value at current cost price, how many product-location
/// levels are low or out, and how fresh the figures are (last contact, lag, movements not yet here).
/// </summary>
public static class SiteOverview
{
    public sealed record SiteSummary(
        string Code,
        string Name,
        decimal? StockValue,
        long Units,
        long Levels,
        long Low,
        long Out,
        DateTimeOffset? LastContactAt,
        DateTimeOffset? LastPushAt,
        double? LagSeconds,
        long Pending,
        DateTimeOffset AsOf);

    public static void MapSiteOverviewApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/sites/overview", ReadAsync).RequirePermission(Permission.ViewInventory).WithTags("Sites").WithName("GetSiteOverview")
            .WithSummary("Per site: stock value (cost price; managers only), low and out counts, last contact, lag and pending.");

    private static async Task<Ok<List<SiteSummary>>> ReadAsync(NpgsqlDataSource dataSource, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var costs = http.User.Can(Permission.ViewCostPrices);
        await using var command = dataSource.CreateCommand(
            """
            WITH per_level AS (
                SELECT l.site_code, l.product_id, sum(l.quantity) AS quantity, sum(l.quantity - l.reserved) AS available
                FROM stock_levels l GROUP BY l.site_code, l.product_id, l.location_id),
            per_site AS (
                SELECT v.site_code,
                    sum(v.quantity * coalesce(p.cost_price, 0)) AS value, sum(v.quantity)::bigint AS units, count(*) AS levels,
                    count(*) FILTER (WHERE v.available > 0 AND p.reorder_point IS NOT NULL AND v.available <= p.reorder_point) AS low,
                    count(*) FILTER (WHERE v.available <= 0) AS out
                FROM per_level v LEFT JOIN products p ON p.id = v.product_id GROUP BY v.site_code)
            SELECT s.code, s.name, coalesce(x.value, 0), coalesce(x.units, 0), coalesce(x.levels, 0), coalesce(x.low, 0),
                coalesce(x.out, 0), s.last_contact_at, s.last_push_at, s.lag_seconds, s.pending
            FROM sites s LEFT JOIN per_site x ON x.site_code = s.code ORDER BY s.code
            """);
        var now = time.GetUtcNow();
        var sites = new List<SiteSummary>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            sites.Add(new SiteSummary(
                reader.GetString(0), reader.GetString(1), costs ? reader.GetDecimal(2) : null, reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9), reader.GetInt64(10), now));
        }

        return TypedResults.Ok(sites);
    }
}
