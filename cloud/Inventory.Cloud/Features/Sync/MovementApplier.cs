using Inventory.Sync;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.Cloud.Features.Sync;

/// <summary>What a batch of movements did.</summary>
public sealed record MovementOutcome(int Applied, int AlreadyKnown, IReadOnlyList<Guid> Quarantined, IReadOnlyList<(Guid ProductId, Guid LocationId)> Touched);

/// <summary>
/// Movements as an idempotent set union by id: binary COPY into a temp table, one check that every location
/// is the pushing site's, then INSERT … ON CONFLICT (id) DO NOTHING with the level projection updated from
/// exactly the rows that went in, in the same statement. A known id with other content is quarantined (looked
/// for only when some rows did not go in).
/// </summary>
public static class MovementApplier
{
    private const string Columns =
        "id, site_seq, type, product_id, location_id, bin, lot, expiry, quantity, reserved_delta, unit_cost, reason, note, " +
        "reference_type, reference_id, user_id, device_id, occurred_at, recorded_at";

    public static async Task<MovementOutcome> ApplyAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, IReadOnlyList<MovementRecord> movements,
        IReadOnlySet<Guid> locationsInBatch, DateTimeOffset now, CancellationToken ct)
    {
        if (movements.Count == 0)
        {
            return new MovementOutcome(0, 0, [], []);
        }

        await TypedTables.ExecAsync(c, tx, $"""
            CREATE TEMP TABLE IF NOT EXISTS push_staging (
                id uuid, site_seq bigint, type text, product_id uuid, location_id uuid, bin text, lot text, expiry text,
                quantity bigint, reserved_delta bigint, unit_cost numeric(14,4), reason text, note text, reference_type text,
                reference_id text, user_id uuid, device_id text, occurred_at timestamptz, recorded_at timestamptz
            ) ON COMMIT DELETE ROWS
            """, ct);
        await CopyAsync(c, movements, ct);
        await CheckOwnershipAsync(c, tx, site, locationsInBatch, ct);
        var applied = await InsertAsync(c, tx, site, now, ct);
        // Only a row that did not go in can clash with a known one, so when all went in (every push but a repeat)
        // there is nothing to compare. The comparison joins the whole batch to the ledger, which the planner does
        // with a scan of all of stock_movements (it knows nothing of the temp table's size): done on every push it
        // made a backlog's catch-up slow down as the ledger grew. After the insert a row of this batch compares
        // equal to itself, so what is found is what was found before it.
        IReadOnlyList<Guid> quarantined = applied == movements.Count ? [] : await QuarantineAsync(c, tx, site, now, ct);
        var touched = await TouchedAsync(c, tx, ct);
        return new MovementOutcome(applied, movements.Count - applied - quarantined.Count, quarantined, touched);
    }

    private static async Task CopyAsync(NpgsqlConnection c, IReadOnlyList<MovementRecord> movements, CancellationToken ct)
    {
        await using var copy = await c.BeginBinaryImportAsync($"COPY push_staging ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        // Synchronous writes into the importer's buffer: 19 awaits per row cost more than the rows (a push is ~100k
        // fields); the buffer goes to the server as it fills, and the push is one request on its own connection.
        foreach (var m in movements)
        {
            copy.StartRow();
            copy.Write(m.Id, NpgsqlDbType.Uuid);
            copy.Write(m.Seq, NpgsqlDbType.Bigint);
            copy.Write(m.Type, NpgsqlDbType.Text);
            copy.Write(m.ProductId, NpgsqlDbType.Uuid);
            copy.Write(m.LocationId, NpgsqlDbType.Uuid);
            copy.Write(m.Bin, NpgsqlDbType.Text);
            copy.Write(m.Lot, NpgsqlDbType.Text);
            WriteNullable(copy, m.Expiry, NpgsqlDbType.Text);
            copy.Write(m.Quantity, NpgsqlDbType.Bigint);
            copy.Write(m.ReservedDelta, NpgsqlDbType.Bigint);
            WriteNullable(copy, m.UnitCost, NpgsqlDbType.Numeric);
            WriteNullable(copy, m.Reason, NpgsqlDbType.Text);
            WriteNullable(copy, m.Note, NpgsqlDbType.Text);
            WriteNullable(copy, m.ReferenceType, NpgsqlDbType.Text);
            WriteNullable(copy, m.ReferenceId, NpgsqlDbType.Text);
            WriteNullable(copy, m.UserId, NpgsqlDbType.Uuid);
            WriteNullable(copy, m.DeviceId, NpgsqlDbType.Text);
            copy.Write(m.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            copy.Write(m.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        }

        await copy.CompleteAsync(ct);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }

    private static async Task CheckOwnershipAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, IReadOnlySet<Guid> locationsInBatch, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT s.location_id, l.site_code FROM push_staging s
            LEFT JOIN locations l ON l.id = s.location_id
            WHERE l.site_code IS DISTINCT FROM $1 LIMIT 20
            """, c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        var foreign = new List<(Guid Id, string? Owner)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                foreign.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        // A location first made in this very batch is written before the movements, so it is in the table;
        // one that is neither there nor in the batch is unknown, and a known one of another site is refused.
        var refused = foreign.Where(f => f.Owner is not null || !locationsInBatch.Contains(f.Id)).ToList();
        if (refused.Count > 0)
        {
            var first = refused[0];
            throw SyncRefusedException.Forbidden(first.Owner is null
                ? $"Movement at location {first.Id}, which site {site} has not sent: send the location first."
                : $"Movement at location {first.Id}, which belongs to site {first.Owner}, not {site}: nothing of this batch was applied.");
        }
    }

    private static async Task<IReadOnlyList<Guid>> QuarantineAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO sync_quarantine (movement_id, site_code, received, reason, detected_at)
            SELECT s.id, $1, to_jsonb(s), 'A movement with this id is already recorded with other content.', $2
            FROM push_staging s JOIN stock_movements m ON m.id = s.id
            WHERE (m.site_code, m.type, m.product_id, m.location_id, m.bin, m.lot, m.quantity, m.reserved_delta, m.unit_cost, m.occurred_at)
                IS DISTINCT FROM ($1, s.type, s.product_id, s.location_id, s.bin, s.lot, s.quantity, s.reserved_delta, s.unit_cost, s.occurred_at)
            ON CONFLICT (site_code, movement_id) DO UPDATE SET detected_at = excluded.detected_at
            RETURNING movement_id
            """, c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<int> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH ins AS (
                INSERT INTO stock_movements (site_code, applied_at, {Columns})
                SELECT $1, $2, {Columns} FROM push_staging ORDER BY site_seq
                ON CONFLICT (id) DO NOTHING
                RETURNING product_id, location_id, bin, lot, quantity, reserved_delta),
            agg AS (
                SELECT product_id, location_id, bin, lot, sum(quantity) AS q, sum(reserved_delta) AS r, count(*) AS n
                FROM ins GROUP BY product_id, location_id, bin, lot),
            lvl AS (
                INSERT INTO stock_levels (product_id, location_id, bin, lot, site_code, quantity, reserved, updated_at)
                SELECT product_id, location_id, bin, lot, $1, q, r, $2 FROM agg
                ON CONFLICT (product_id, location_id, bin, lot) DO UPDATE SET
                    quantity = stock_levels.quantity + excluded.quantity,
                    reserved = stock_levels.reserved + excluded.reserved,
                    updated_at = excluded.updated_at)
            SELECT coalesce(sum(n), 0)::int FROM agg
            """, c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<IReadOnlyList<(Guid, Guid)>> TouchedAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT DISTINCT product_id, location_id FROM push_staging", c, tx);
        var pairs = new List<(Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pairs.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }

        return pairs;
    }
}
