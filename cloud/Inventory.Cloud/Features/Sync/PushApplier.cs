using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync;

/// <summary>What a push changed, for the live dashboard once it is committed.</summary>
public sealed record PushResult(PushAck Ack, IReadOnlyList<(Guid ProductId, Guid LocationId)> Touched);

/// <summary>
/// Applies one push in one transaction: the site's row locked (one push of a site at a time), its locations
/// and bins first (so its movements may use them), the movements, the rest of its master data, the
/// other sites' view of its levels, and its cursors. Any refusal rolls all of it back.
/// </summary>
public sealed class PushApplier(NpgsqlDataSource dataSource, HybridLogicalClock clock, TimeProvider time)
{
    /// <summary>
    /// While a site works off a backlog, other sites' view of its levels is refreshed at most this often (and
    /// once the backlog is done), not on every push: rewriting thousands of summaries per push would double
    /// the cost of catching up, for figures the next push changes again.
    /// </summary>
    public static readonly TimeSpan SummaryInterval = TimeSpan.FromSeconds(10);

    public async Task<PushResult> ApplyAsync(string site, PushBatch batch, int protocolVersion, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var (summariesAt, deferred) = await LockSiteAsync(c, tx, site, ct);

        var ordered = batch.Changes.OrderBy(ch => ch.Seq).ToList();
        var places = ordered.Where(ch => ch.Kind is ChangeKinds.Location or ChangeKinds.Bin).ToList();
        var others = ordered.Where(ch => ch.Kind is not (ChangeKinds.Location or ChangeKinds.Bin)).ToList();
        var conflicts = 0;
        if (places.Count > 0)
        {
            await FeedWriter.LockAsync(c, tx, ct);
            conflicts += await MasterDataApplier.ApplyAsync(c, tx, site, places, clock, now, ct);
        }

        var locationsInBatch = places.Where(p => p.Kind == ChangeKinds.Location).Select(p => p.Id).ToHashSet();
        var movements = await MovementApplier.ApplyAsync(c, tx, site, batch.Movements, locationsInBatch, now, ct);

        var summariesDue = summariesAt is not { } last || batch.PendingAfterThis == 0 || now - last >= SummaryInterval;
        var writeSummaries = summariesDue && movements.Applied > 0;
        if (others.Count > 0 || writeSummaries)
        {
            // Taken only now, so a big COPY does not hold up other sites' feed writes.
            await FeedWriter.LockAsync(c, tx, ct);
            conflicts += await MasterDataApplier.ApplyAsync(c, tx, site, others, clock, now, ct);
            if (writeSummaries)
            {
                await WriteLevelSummariesAsync(c, tx, site, clock.Next(), deferred ? summariesAt : null, now, ct);
            }
        }

        var lag = batch.Movements.Count > 0
            ? Math.Max(0, (now - batch.Movements.Max(m => m.RecordedAt)).TotalSeconds)
            : batch.PendingAfterThis == 0 ? 0 : (double?)null;
        await TypedTables.ExecAsync(c, tx, """
            UPDATE sites SET movements_cursor = greatest(movements_cursor, $2), changes_cursor = greatest(changes_cursor, $3),
                last_contact_at = $4, last_push_at = $4, pending = $5, lag_seconds = coalesce($6, lag_seconds), protocol_version = $7,
                summaries_at = CASE WHEN $8 THEN $4 ELSE summaries_at END,
                summaries_deferred = CASE WHEN $8 THEN false ELSE summaries_deferred OR $9 END
            WHERE code = $1
            """, ct, site, batch.MovementsUpTo, batch.ChangesUpTo, now, batch.PendingAfterThis, lag, protocolVersion, writeSummaries,
            movements.Applied > 0);
        await tx.CommitAsync(ct);

        var ack = new PushAck(batch.MovementsUpTo, batch.ChangesUpTo, movements.Applied, movements.AlreadyKnown,
            movements.Quarantined, conflicts);
        return new PushResult(ack, movements.Touched);
    }

    /// <summary>Locks the site's row for this push; when its level summaries were last written, and whether pushes since deferred theirs.</summary>
    private static async Task<(DateTimeOffset? At, bool Deferred)> LockSiteAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT summaries_at, summaries_deferred FROM sites WHERE code = $1 FOR UPDATE", c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && !reader.IsDBNull(0)
            ? (reader.GetFieldValue<DateTimeOffset>(0), reader.GetBoolean(1))
            : (null, false);
    }

    /// <summary>
    /// Other sites see this site's stock per product and location, summed over bins and lots: the pairs of this
    /// push, or after deferred pushes every pair of the site whose level changed since the summaries were last
    /// written (a push stamps its levels with its own time, so "after" leaves out what that writing covered).
    /// </summary>
    private static Task WriteLevelSummariesAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, string hlc, DateTimeOffset? since, DateTimeOffset now, CancellationToken ct) =>
        TypedTables.ExecAsync(c, tx, """
            INSERT INTO change_feed (kind, key, entity_id, hlc, data, origin_site, recorded_at)
            SELECT 'level', l.product_id::text || ':' || l.location_id::text, l.product_id, $2,
                jsonb_build_object('productId', l.product_id, 'locationId', l.location_id, 'siteCode', $1::text,
                    'quantity', sum(l.quantity), 'reserved', sum(l.reserved), 'asOf', $3::timestamptz),
                $1, $3
            FROM stock_levels l
            WHERE (l.product_id, l.location_id) IN (
                SELECT product_id, location_id FROM push_staging WHERE $4::timestamptz IS NULL
                UNION
                SELECT product_id, location_id FROM stock_levels WHERE $4::timestamptz IS NOT NULL AND site_code = $1 AND updated_at > $4)
            GROUP BY l.product_id, l.location_id
            ON CONFLICT (kind, key) DO UPDATE SET seq = nextval('change_feed_seq'), hlc = excluded.hlc,
                data = excluded.data, recorded_at = excluded.recorded_at
            """, ct, site, hlc, now, since);
}
