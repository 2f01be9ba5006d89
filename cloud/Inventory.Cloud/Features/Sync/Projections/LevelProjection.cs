using Inventory.Sync;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.Cloud.Features.Sync.Projections;

/// <summary>
/// The levels projection (inline: it advances in the push's own transaction, so its progress is the ledger's
/// and needs no cursor of its own). Keeps <c>stock_levels</c> equal to the sum of the ledger: the movements a push applied, summed per product,
/// location, bin and lot in memory, go in as one upsert of arrays (a push of 5,000 movements is at most 5,000
/// level rows, usually far fewer). Rows are sent in key order, so two transactions touching the same levels
/// lock them in the same order.
/// </summary>
internal static class LevelProjection
{
    private readonly record struct Key(Guid ProductId, Guid LocationId, string Bin, string Lot);

    public static async Task ApplyAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, IEnumerable<MovementRecord> applied, DateTimeOffset now, CancellationToken ct)
    {
        var sums = new Dictionary<Key, (long Quantity, long Reserved)>();
        foreach (var m in applied)
        {
            var key = new Key(m.ProductId, m.LocationId, m.Bin, m.Lot);
            var (q, r) = sums.GetValueOrDefault(key);
            sums[key] = (q + m.Quantity, r + m.ReservedDelta);
        }

        if (sums.Count == 0)
        {
            return;
        }

        var keys = sums.Keys
            .OrderBy(k => k.ProductId).ThenBy(k => k.LocationId).ThenBy(k => k.Bin, StringComparer.Ordinal).ThenBy(k => k.Lot, StringComparer.Ordinal)
            .ToArray();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO stock_levels (product_id, location_id, bin, lot, site_code, quantity, reserved, updated_at)
            SELECT p, l, b, t, $1, q, r, $2 FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::bigint[], $8::bigint[]) AS u(p, l, b, t, q, r)
            ON CONFLICT (product_id, location_id, bin, lot) DO UPDATE SET
                quantity = stock_levels.quantity + excluded.quantity,
                reserved = stock_levels.reserved + excluded.reserved,
                updated_at = excluded.updated_at
            """, c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.ProductId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.LocationId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Bin).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Lot).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => sums[k].Quantity).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => sums[k].Reserved).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(ct);
    }
}
