using Npgsql;
using NpgsqlTypes;

namespace Inventory.Cloud.Features.Sync.Projections;

/// <summary>
/// The write step of the level-summaries projection (see <see cref="LevelSummaryPublisher"/> for its progress
/// cursor). Other sites see a site's stock per product and location, summed over bins and lots, as <c>level</c> rows of
/// the feed, written with the feed's lock held for the pairs a steady push changed or for a chunk of a
/// catch-up after a backlog.
/// </summary>
internal static class LevelSummaries
{
    private const string Insert = """
        INSERT INTO change_feed (kind, key, entity_id, hlc, data, origin_site, recorded_at)
        SELECT 'level', l.product_id::text || ':' || l.location_id::text, l.product_id, $2,
            jsonb_build_object('productId', l.product_id, 'locationId', l.location_id, 'siteCode', $1::text,
                'quantity', sum(l.quantity), 'reserved', sum(l.reserved), 'asOf', $3::timestamptz),
            $1, $3
        FROM stock_levels l
        WHERE l.site_code = $1 AND (l.product_id, l.location_id) IN (SELECT * FROM unnest($4::uuid[], $5::uuid[]))
        GROUP BY l.product_id, l.location_id
        ON CONFLICT (kind, key) DO UPDATE SET seq = nextval('change_feed_seq'), hlc = excluded.hlc,
            data = excluded.data, recorded_at = excluded.recorded_at
        """;

    public static async Task<int> WritePairsAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, IReadOnlyList<(Guid ProductId, Guid LocationId)> pairs,
        string hlc, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Insert, c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = hlc });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.ProductId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.LocationId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The ledger's last sequence number this transaction sees, the value the projection's progress cursor
    /// (<c>sites.summaries_seq</c>) takes. With the site's row locked every movement of the site is in it, and
    /// any later one gets a higher number.
    /// </summary>
    internal static async Task<long> LastLedgerSeqAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM stock_movements", c, tx);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
