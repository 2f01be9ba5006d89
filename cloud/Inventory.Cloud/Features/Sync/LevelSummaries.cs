using Npgsql;
using NpgsqlTypes;

namespace Inventory.Cloud.Features.Sync;

/// <summary>
/// Other sites see a site's stock per product and location, summed over bins and lots, as <c>level</c> rows of
/// the feed. Written with the feed's lock held. Which pairs: those a steady push changed, or, to catch up
/// after a backlog, every pair the site's ledger touched after a cloud sequence number.
/// </summary>
internal static class LevelSummaries
{
    private static readonly string OfPairs = Insert("SELECT * FROM unnest($4::uuid[], $5::uuid[])");

    private static readonly string OfLedgerAfter = Insert("SELECT product_id, location_id FROM stock_movements WHERE site_code = $1 AND seq > $4");

    private static string Insert(string pairs) => $"""
        INSERT INTO change_feed (kind, key, entity_id, hlc, data, origin_site, recorded_at)
        SELECT 'level', l.product_id::text || ':' || l.location_id::text, l.product_id, $2,
            jsonb_build_object('productId', l.product_id, 'locationId', l.location_id, 'siteCode', $1::text,
                'quantity', sum(l.quantity), 'reserved', sum(l.reserved), 'asOf', $3::timestamptz),
            $1, $3
        FROM stock_levels l
        WHERE l.site_code = $1 AND (l.product_id, l.location_id) IN ({pairs})
        GROUP BY l.product_id, l.location_id
        ON CONFLICT (kind, key) DO UPDATE SET seq = nextval('change_feed_seq'), hlc = excluded.hlc,
            data = excluded.data, recorded_at = excluded.recorded_at
        """;

    public static async Task<int> WritePairsAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, IReadOnlyList<(Guid ProductId, Guid LocationId)> pairs,
        string hlc, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(OfPairs, c, tx);
        Add(command, site, hlc, now);
        command.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.ProductId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.LocationId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<int> WriteTouchedAfterAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, long afterSeq, string hlc, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(OfLedgerAfter, c, tx);
        Add(command, site, hlc, now);
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static void Add(NpgsqlCommand command, string site, string hlc, DateTimeOffset now)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = hlc });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
    }
}
