using Inventory.Cloud.Features.Sync.Projections;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Sync;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>What a batch of movements did: the pairs are those whose level it changed.</summary>
public sealed record MovementOutcome(int Applied, int AlreadyKnown, IReadOnlyList<Guid> Quarantined, IReadOnlyList<(Guid ProductId, Guid LocationId)> Touched);

/// <summary>
/// Movements as an idempotent set union by id. One check that every location is the pushing site's; then
/// the batch goes straight into the ledger by binary COPY, or, when some id is known already, through a
/// staging table: INSERT … ON CONFLICT (id) DO NOTHING, and a known id with other content is quarantined.
/// The levels follow from exactly the rows that went in, in the same transaction.
/// </summary>
public static class MovementApplier
{
    public static async Task<MovementOutcome> ApplyAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, IReadOnlyList<MovementRecord> movements,
        IReadOnlySet<Guid> locationsInBatch, DateTimeOffset now, CancellationToken ct)
    {
        if (movements.Count == 0)
        {
            return new MovementOutcome(0, 0, [], []);
        }

        await CheckOwnershipAsync(c, tx, site, movements, locationsInBatch, ct);
        var ordered = InSiteOrder(movements);
        IReadOnlyList<MovementRecord> applied;
        IReadOnlyList<Guid> quarantined = [];
        if (await TryCopyIntoLedgerAsync(c, tx, site, ordered, now, ct))
        {
            applied = ordered;
        }
        else
        {
            (applied, quarantined) = await ThroughStagingAsync(c, tx, site, ordered, now, ct);
        }

        await LevelProjection.ApplyAsync(c, tx, site, applied, now, ct);
        var touched = applied.Select(m => (m.ProductId, m.LocationId)).Distinct().ToList();
        return new MovementOutcome(applied.Count, movements.Count - applied.Count - quarantined.Count, quarantined, touched);
    }

    /// <summary>
    /// Every push but a repeat carries only new ids, so the batch is copied straight into the ledger; a known id
    /// fails the COPY on the primary key (also one another site's push committed a moment ago), and the batch
    /// is rolled back to before it and goes the other way. Cheaper than looking the ids up first: that was
    /// a tenth of a push's time.
    /// </summary>
    private static async Task<bool> TryCopyIntoLedgerAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, IReadOnlyList<MovementRecord> movements, DateTimeOffset now, CancellationToken ct)
    {
        const string savepoint = "direct_copy";
        await tx.SaveAsync(savepoint, ct);
        try
        {
            await MovementCopy.IntoLedgerAsync(c, site, now, movements, ct);
            await tx.ReleaseAsync(savepoint, ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "pk_stock_movements")
        {
            await tx.RollbackAsync(savepoint, ct);
            return false;
        }
    }

    /// <summary>The ledger keeps a site's movements in the order the site recorded them.</summary>
    private static IReadOnlyList<MovementRecord> InSiteOrder(IReadOnlyList<MovementRecord> movements)
    {
        for (var i = 1; i < movements.Count; i++)
        {
            if (movements[i].Seq < movements[i - 1].Seq)
            {
                return [.. movements.OrderBy(m => m.Seq)];
            }
        }

        return movements;
    }

    private static async Task CheckOwnershipAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, IReadOnlyList<MovementRecord> movements,
        IReadOnlySet<Guid> locationsInBatch, CancellationToken ct)
    {
        var used = movements.Select(m => m.LocationId).Distinct().ToArray();
        var owners = new Dictionary<Guid, string>();
        await using (var command = new NpgsqlCommand("SELECT id, site_code FROM locations WHERE id = ANY($1)", c, tx))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = used, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                owners[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        // A location first made in this very batch is written before the movements, so it is in the table;
        // one that is neither there nor in the batch is unknown, and a known one of another site is refused.
        foreach (var id in used)
        {
            if (owners.TryGetValue(id, out var owner) && owner != site)
            {
                throw SyncRefusedException.Forbidden(
                    $"Movement at location {id}, which belongs to site {owner}, not {site}: nothing of this batch was applied.");
            }

            if (!owners.ContainsKey(id) && !locationsInBatch.Contains(id))
            {
                throw SyncRefusedException.Forbidden($"Movement at location {id}, which site {site} has not sent: send the location first.");
            }
        }
    }

    private static async Task<HashSet<Guid>> KnownIdsAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<MovementRecord> movements, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM stock_movements WHERE id = ANY($1)", c, tx);
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = movements.Select(m => m.Id).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid,
        });
        var known = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            known.Add(reader.GetGuid(0));
        }

        return known;
    }

    /// <summary>A batch of which some ids are known: a repeat after a lost answer, or a clash to quarantine.</summary>
    private static async Task<(IReadOnlyList<MovementRecord> Applied, IReadOnlyList<Guid> Quarantined)> ThroughStagingAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, IReadOnlyList<MovementRecord> movements, DateTimeOffset now, CancellationToken ct)
    {
        var known = await KnownIdsAsync(c, tx, movements, ct);
        await NpgsqlExec.ExecAsync(c, tx, """
            CREATE TEMP TABLE IF NOT EXISTS push_staging (
                id uuid, site_seq bigint, type text, product_id uuid, location_id uuid, bin text, lot text, expiry text,
                quantity bigint, reserved_delta bigint, unit_cost numeric(14,4), reason text, note text, reference_type text,
                reference_id text, user_id uuid, device_id text, occurred_at timestamptz, recorded_at timestamptz
            ) ON COMMIT DELETE ROWS
            """, ct);
        await MovementCopy.IntoAsync(c, "push_staging", movements, ct);
        var inserted = new HashSet<Guid>();
        await using (var command = new NpgsqlCommand(
            $"""
            INSERT INTO stock_movements (site_code, applied_at, {MovementCopy.Columns})
            SELECT $1, $2, {MovementCopy.Columns} FROM push_staging ORDER BY site_seq
            ON CONFLICT (id) DO NOTHING
            RETURNING id
            """, c, tx))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = site });
            command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                inserted.Add(reader.GetGuid(0));
            }
        }

        var quarantined = await QuarantineAsync(c, tx, site, known, now, ct);
        return ([.. movements.Where(m => inserted.Contains(m.Id))], quarantined);
    }

    /// <summary>
    /// Only ids known before this push are compared, looked up by key: joined to the whole staging table the
    /// planner scans all of the ledger (it knows nothing of the temp table's size).
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> QuarantineAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, HashSet<Guid> known, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO sync_quarantine (movement_id, site_code, received, reason, detected_at)
            SELECT s.id, $1, to_jsonb(s), 'A movement with this id is already recorded with other content.', $2
            FROM stock_movements m JOIN push_staging s ON s.id = m.id
            WHERE m.id = ANY($3) AND (m.site_code, m.type, m.product_id, m.location_id, m.bin, m.lot, m.quantity, m.reserved_delta, m.unit_cost, m.occurred_at)
                IS DISTINCT FROM ($1, s.type, s.product_id, s.location_id, s.bin, s.lot, s.quantity, s.reserved_delta, s.unit_cost, s.occurred_at)
            ON CONFLICT (site_code, movement_id) DO UPDATE SET detected_at = excluded.detected_at
            RETURNING movement_id
            """, c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = known.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
