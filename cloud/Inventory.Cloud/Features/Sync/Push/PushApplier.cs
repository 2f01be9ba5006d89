using Inventory.Cloud.Features.Sync.Feed;
using Inventory.Cloud.Features.Sync.Projections;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>What a push changed, for the live dashboard once it is committed.</summary>
public sealed record PushResult(PushAck Ack, IReadOnlyList<(Guid ProductId, Guid LocationId)> Touched);

/// <summary>
/// Applies one push in one transaction: the site's row locked (one push of a site at a time), its locations
/// and bins first (so its movements may use them), the movements, the rest of its master data, other sites'
/// view of the levels it changed, and its cursors. Any refusal rolls all of it back.
/// </summary>
public sealed class PushApplier(NpgsqlDataSource dataSource, HybridLogicalClock clock, TimeProvider time, LevelSummaryPublisher summaries)
{
    public async Task<PushResult> ApplyAsync(string site, PushBatch batch, int protocolVersion, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var state = await LockSiteAsync(c, tx, site, ct);
        // Read after the lock, so a push's time is never before that of one committed ahead of it.
        var now = time.GetUtcNow();

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

        // A steady push shows other sites the levels it changed at once. While a site works off a backlog its
        // pushes leave that to the publisher, which catches up on every pair touched since its last turn: the
        // same pairs rewritten on every push of a backlog would double the cost of catching up.
        var steady = batch.PendingAfterThis == 0;
        var writeOwn = steady && movements.Applied > 0;
        if (others.Count > 0 || writeOwn)
        {
            // Taken only now, so a big COPY does not hold up other sites' feed writes.
            await FeedWriter.LockAsync(c, tx, ct);
            conflicts += await MasterDataApplier.ApplyAsync(c, tx, site, others, clock, now, ct);
            if (writeOwn)
            {
                await LevelSummaries.WritePairsAsync(c, tx, site, movements.Touched, clock.Next(), now, ct);
            }
        }

        var deferred = state.Deferred || (movements.Applied > 0 && !steady);
        var summariesSeq = movements.Applied > 0 && !deferred ? await LevelSummaries.LastLedgerSeqAsync(c, tx, ct) : state.SummariesSeq;
        var lag = batch.Movements.Count > 0
            ? Math.Max(0, (now - batch.Movements.Max(m => m.RecordedAt)).TotalSeconds)
            : batch.PendingAfterThis == 0 ? 0 : (double?)null;
        await NpgsqlExec.ExecAsync(c, tx, """
            UPDATE sites SET movements_cursor = greatest(movements_cursor, $2), changes_cursor = greatest(changes_cursor, $3),
                last_contact_at = $4, last_push_at = $4, pending = $5, lag_seconds = coalesce($6, lag_seconds), protocol_version = $7,
                summaries_at = CASE WHEN $8 THEN $4 ELSE summaries_at END, summaries_deferred = $9, summaries_seq = $10,
                backlog_pushes = backlog_pushes + CASE WHEN $11 THEN 1 ELSE 0 END
            WHERE code = $1
            """, ct, site, batch.MovementsUpTo, batch.ChangesUpTo, now, batch.PendingAfterThis, lag, protocolVersion, writeOwn,
            deferred, summariesSeq, movements.Applied > 0 && !steady);
        await tx.CommitAsync(ct);

        if (deferred && (steady || state.SummariesAt is not { } last || now - last >= LevelSummaryPublisher.BacklogInterval))
        {
            summaries.Request(site);
        }

        var ack = new PushAck(batch.MovementsUpTo, batch.ChangesUpTo, movements.Applied, movements.AlreadyKnown,
            movements.Quarantined, conflicts);
        return new PushResult(ack, movements.Touched);
    }

    private sealed record SiteState(long SummariesSeq, bool Deferred, DateTimeOffset? SummariesAt);

    /// <summary>Locks the site's row for this push and reads where other sites' view of its levels stands.</summary>
    private static async Task<SiteState> LockSiteAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT summaries_seq, summaries_deferred, summaries_at FROM sites WHERE code = $1 FOR UPDATE", c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new SiteState(reader.GetInt64(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2))
            : new SiteState(0, false, null);
    }
}
