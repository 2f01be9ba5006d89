using System.Globalization;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Http;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Ledger;

public sealed record MovementFilter(
    Guid? ProductId, Guid? LocationId, string? Type, DateTimeOffset? From, DateTimeOffset? To, long? Before, int Limit);

/// <summary>The ledger, newest first, paged by its commit sequence (stable while new lines arrive).</summary>
public sealed class StockMovementQueries(EdgeDatabase database)
{
    private const string Select = """
        SELECT id, seq, type, product_id, location_id, bin, lot, expiry, quantity, reserved_delta, unit_cost, reason, note,
               reference_type, reference_id, user_id, device_id, occurred_at, recorded_at
        FROM stock_movements
        """;

    public async Task<Page<MovementView>> ListAsync(MovementFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        void Add(string clause, string name, object value)
        {
            where.Add(clause);
            command.Parameters.AddWithValue(name, value);
        }

        if (filter.ProductId is { } p)
        {
            Add("product_id = $product", "$product", SqliteValues.Of(p));
        }

        if (filter.LocationId is { } l)
        {
            Add("location_id = $location", "$location", SqliteValues.Of(l));
        }

        if (filter.Type is { } t)
        {
            Add("type = $type", "$type", t);
        }

        if (filter.From is { } from)
        {
            Add("occurred_at >= $from", "$from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            Add("occurred_at < $to", "$to", to.ToUnixTimeMilliseconds());
        }

        if (filter.Before is { } before)
        {
            Add("seq < $before", "$before", before);
        }

        command.CommandText = Select + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", filter.Limit + 1);
        var items = await ReadAsync(command, cancellationToken);
        var next = items.Count > filter.Limit ? items[filter.Limit - 1].Seq.ToString(CultureInfo.InvariantCulture) : null;
        return new Page<MovementView>(items.Take(filter.Limit).ToList(), next);
    }

    public async Task<MovementView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Select + " WHERE id = $id";
        command.Parameters.AddWithValue("$id", SqliteValues.Of(id));
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    private static async Task<List<MovementView>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var items = new List<MovementView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new MovementView(
                Guid.Parse(reader.GetString(0)), reader.GetInt64(1), reader.GetString(2),
                Guid.Parse(reader.GetString(3)), Guid.Parse(reader.GetString(4)),
                InventoryQueries.NullIfEmpty(reader.GetString(5)), InventoryQueries.NullIfEmpty(reader.GetString(6)),
                InventoryQueries.ReadDate(reader, 7), reader.GetInt64(8), reader.GetInt64(9),
                reader.IsDBNull(10) ? null : decimal.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
                Text(reader, 11), Text(reader, 12), Text(reader, 13), Text(reader, 14),
                reader.IsDBNull(15) ? null : Guid.Parse(reader.GetString(15)), Text(reader, 16),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(17)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(18))));
        }

        return items;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
