using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Infrastructure.Data;

namespace Inventory.Edge.Features.Realtime;

/// <summary>What moved since a ledger sequence number, read from the ledger itself, so a missed broadcast is never lost.</summary>
public sealed class ChangeFeed(EdgeDatabase database)
{
    /// <summary>More changed levels than this and a client is better off reloading than replaying.</summary>
    public const int MaxLevels = 2000;

    public async Task<ChangesSinceResult> SinceAsync(long seq, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT m.product_id, m.location_id, max(m.seq),
                   (SELECT coalesce(sum(quantity), 0) FROM stock_levels l WHERE l.product_id = m.product_id AND l.location_id = m.location_id),
                   (SELECT coalesce(sum(reserved), 0) FROM stock_levels l WHERE l.product_id = m.product_id AND l.location_id = m.location_id),
                   coalesce(s.reorder_point, p.reorder_point), coalesce(s.max_level, p.max_level)
            FROM stock_movements m
            JOIN products p ON p.id = m.product_id
            LEFT JOIN location_product_settings s ON s.product_id = m.product_id AND s.location_id = m.location_id
            WHERE m.seq > $seq
            GROUP BY m.product_id, m.location_id
            LIMIT {MaxLevels + 1}
            """;
        command.Parameters.AddWithValue("$seq", seq);
        var levels = new List<LevelChanged>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var quantity = reader.GetInt64(3);
                var reserved = reader.GetInt64(4);
                var status = Inventory.Domain.Ledger.StockStatuses.Of(quantity, quantity - reserved,
                    reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6));
                levels.Add(new LevelChanged(
                    Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), quantity, reserved, quantity - reserved,
                    Inventory.Domain.Ledger.StockStatuses.ToWireName(status), null, reader.GetInt64(2)));
            }
        }

        await using var latest = connection.CreateCommand();
        latest.CommandText = "SELECT coalesce(max(seq), 0) FROM stock_movements";
        var latestSeq = (long)(await latest.ExecuteScalarAsync(cancellationToken))!;
        return levels.Count > MaxLevels
            ? new ChangesSinceResult([], latestSeq, Resync: true)
            : new ChangesSinceResult(levels, latestSeq, Resync: false);
    }
}
