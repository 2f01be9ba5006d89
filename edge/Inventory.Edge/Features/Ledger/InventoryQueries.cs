using System.Globalization;
using Inventory.Domain.Ledger;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Http;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Ledger;

public sealed record LevelDetail(string? Bin, string? Lot, DateOnly? Expiry, long Quantity, long Reserved, long Available, DateTimeOffset? LastCountedAt);

public sealed record LocationLevel(
    Guid ProductId, string Sku, string Name, Guid LocationId, string LocationCode, long Quantity, long Reserved,
    long Available, string Status, int? ReorderPoint, int? MaxLevel, IReadOnlyList<LevelDetail>? Details = null);

/// <summary>Another site's stock of the product at one of its locations, as the cloud last summarised it.</summary>
public sealed record RemoteLevelView(Guid LocationId, string? LocationCode, string SiteCode, long Quantity, long Reserved, long Available, DateTimeOffset AsOf);

/// <summary>`levels` and the totals are this site's; `otherSites` is what the cloud reports for the others (never in the totals).</summary>
public sealed record ProductLevels(
    Guid ProductId, string Sku, IReadOnlyList<LocationLevel> Levels, long Total, long TotalAvailable, IReadOnlyList<RemoteLevelView> OtherSites);

/// <summary>Reads of levels and the ledger, in plain SQL over the read side of WAL (never blocked by the writer).</summary>
public sealed class InventoryQueries(EdgeDatabase database)
{
    // The SQL twin of StockStatuses.Of, so a status filter can page in the database; a test keeps the two equal.
    internal const string StatusSql = """
        CASE WHEN sum(l.quantity) - sum(l.reserved) <= 0 THEN 'out'
             WHEN coalesce(s.reorder_point, p.reorder_point) IS NOT NULL
                  AND sum(l.quantity) - sum(l.reserved) <= coalesce(s.reorder_point, p.reorder_point) THEN 'low'
             WHEN coalesce(s.max_level, p.max_level) > 0 AND sum(l.quantity) > coalesce(s.max_level, p.max_level) THEN 'over'
             ELSE 'ok' END
        """;

    private const string LevelSelect = $"""
        SELECT l.product_id, p.sku, p.name, l.location_id, loc.code, sum(l.quantity), sum(l.reserved),
               coalesce(s.reorder_point, p.reorder_point), coalesce(s.max_level, p.max_level), {StatusSql} AS status
        FROM stock_levels l
        JOIN products p ON p.id = l.product_id
        JOIN locations loc ON loc.id = l.location_id
        LEFT JOIN location_product_settings s ON s.product_id = l.product_id AND s.location_id = l.location_id
        """;

    public async Task<Page<LocationLevel>> ListAsync(
        Guid? locationId, Guid? categoryId, string? status, string? q, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (locationId is { } loc)
        {
            where.Add("l.location_id = $location");
            command.Parameters.AddWithValue("$location", SqliteValues.Of(loc));
        }

        if (categoryId is { } cat)
        {
            where.Add("p.category_id = $category");
            command.Parameters.AddWithValue("$category", SqliteValues.Of(cat));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            where.Add("(p.sku LIKE $q ESCAPE '\\' OR p.name LIKE $q ESCAPE '\\')");
            command.Parameters.AddWithValue("$q", "%" + EscapeLike(q.Trim()) + "%");
        }

        command.CommandText = LevelSelect
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " GROUP BY l.product_id, l.location_id"
            + (status is null ? "" : " HAVING status = $status")
            + " ORDER BY p.sku, loc.code LIMIT $limit OFFSET $offset";
        if (status is not null)
        {
            command.Parameters.AddWithValue("$status", status);
        }

        command.Parameters.AddWithValue("$limit", limit + 1);
        command.Parameters.AddWithValue("$offset", offset);
        var items = await ReadLevelsAsync(command, cancellationToken);
        var next = items.Count > limit ? (offset + limit).ToString(CultureInfo.InvariantCulture) : null;
        return new Page<LocationLevel>(items.Take(limit).ToList(), next);
    }

    public async Task<ProductLevels?> ForProductAsync(Guid productId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        string sku;
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = "SELECT sku FROM products WHERE id = $id";
            find.Parameters.AddWithValue("$id", SqliteValues.Of(productId));
            if (await find.ExecuteScalarAsync(cancellationToken) is not string found)
            {
                return null;
            }

            sku = found;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = LevelSelect + " WHERE l.product_id = $product GROUP BY l.location_id ORDER BY loc.code";
        command.Parameters.AddWithValue("$product", SqliteValues.Of(productId));
        var levels = await ReadLevelsAsync(command, cancellationToken);

        await using var details = connection.CreateCommand();
        details.CommandText = """
            SELECT location_id, bin, lot, expiry, quantity, reserved, last_counted_at FROM stock_levels
            WHERE product_id = $product AND (quantity <> 0 OR reserved <> 0)
            ORDER BY location_id, expiry IS NULL, expiry, bin, lot
            """;
        details.Parameters.AddWithValue("$product", SqliteValues.Of(productId));
        var byLocation = new Dictionary<Guid, List<LevelDetail>>();
        await using (var reader = await details.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var location = Guid.Parse(reader.GetString(0));
                if (!byLocation.TryGetValue(location, out var list))
                {
                    byLocation[location] = list = [];
                }

                var quantity = reader.GetInt64(4);
                var reserved = reader.GetInt64(5);
                list.Add(new LevelDetail(
                    NullIfEmpty(reader.GetString(1)), NullIfEmpty(reader.GetString(2)), ReadDate(reader, 3),
                    quantity, reserved, quantity - reserved,
                    reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
            }
        }

        var withDetails = levels.Select(l => l with { Details = byLocation.GetValueOrDefault(l.LocationId) ?? [] }).ToList();
        var otherSites = new List<RemoteLevelView>();
        await using (var remote = connection.CreateCommand())
        {
            remote.CommandText = """
                SELECT r.location_id, loc.code, r.site_code, r.quantity, r.reserved, r.as_of
                FROM remote_levels r LEFT JOIN locations loc ON loc.id = r.location_id
                WHERE r.product_id = $product ORDER BY r.site_code, loc.code
                """;
            remote.Parameters.AddWithValue("$product", SqliteValues.Of(productId));
            await using var reader = await remote.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var quantity = reader.GetInt64(3);
                var reserved = reader.GetInt64(4);
                otherSites.Add(new RemoteLevelView(
                    Guid.Parse(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), quantity, reserved,
                    quantity - reserved, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
            }
        }

        return new ProductLevels(productId, sku, withDetails, withDetails.Sum(l => l.Quantity), withDetails.Sum(l => l.Available), otherSites);
    }

    private static async Task<List<LocationLevel>> ReadLevelsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var items = new List<LocationLevel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var quantity = reader.GetInt64(5);
            var reserved = reader.GetInt64(6);
            items.Add(new LocationLevel(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Guid.Parse(reader.GetString(3)),
                reader.GetString(4), quantity, reserved, quantity - reserved, reader.GetString(9),
                reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetInt32(8)));
        }

        return items;
    }

    internal static DateOnly? ReadDate(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    internal static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
