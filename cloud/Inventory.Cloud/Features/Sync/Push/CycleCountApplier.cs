using Inventory.Cloud.Infrastructure.Data;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>
/// Applies a cycle count a site pushed into cycle_counts and cycle_count_lines, whole (header and lines), the later HLC
/// stamp winning; an older or the same version changes nothing. The site must own the count's location. Counts travel
/// edge to cloud only: nothing goes into the feed, so no box ever receives one back.
/// </summary>
internal static class CycleCountApplier
{
    public static async Task ApplyAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, ChangeRecord change, CancellationToken ct)
    {
        var count = SyncJson.Read<CycleCountRecord>(change.Data);
        await CheckOwnedAsync(c, tx, site, count, ct);
        await using (var known = new NpgsqlCommand("SELECT site_code, hlc FROM cycle_counts WHERE id = $1", c, tx))
        {
            known.Parameters.Add(new NpgsqlParameter { Value = count.Id });
            await using var reader = await known.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                if (reader.GetString(0) != site)
                {
                    throw SyncRefusedException.Forbidden($"Cycle count {count.Id} belongs to site {reader.GetString(0)}, not {site}.");
                }

                if (!HybridLogicalClock.IsLater(change.Hlc, reader.GetString(1)))
                {
                    return;
                }
            }
        }

        await NpgsqlExec.ExecAsync(c, tx, """
            INSERT INTO cycle_counts (id, number, location_id, site_code, source, category_id, abc_class, bins, blind, status,
                created_by, created_at, submitted_at, completed_at, updated_at, hlc)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (id) DO UPDATE SET source = excluded.source, category_id = excluded.category_id, abc_class = excluded.abc_class,
                bins = excluded.bins, blind = excluded.blind, status = excluded.status, submitted_at = excluded.submitted_at,
                completed_at = excluded.completed_at, updated_at = excluded.updated_at, hlc = excluded.hlc
            """, ct, count.Id, count.Number, count.LocationId, site, count.Source, count.CategoryId, count.AbcClass,
            (count.Bins ?? []).ToArray(), count.Blind, count.Status, count.CreatedBy, count.CreatedAt, count.SubmittedAt,
            count.CompletedAt, count.UpdatedAt, change.Hlc);
        await NpgsqlExec.ExecAsync(c, tx, "DELETE FROM cycle_count_lines WHERE count_id = $1", ct, count.Id);
        var lines = count.Lines ?? [];
        if (lines.Count == 0)
        {
            return;
        }

        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO cycle_count_lines (id, count_id, product_id, bin, lot, abc_class, expected, unit_cost, counted, counted_by,
                counted_at, first_counted, first_counted_by, status, decision, within_tolerance, approved_by, approval_reason,
                posted_quantity, added)
            SELECT l.id, $2, l.product_id, l.bin, l.lot, l.abc_class, l.expected, l.unit_cost, l.counted, l.counted_by, l.counted_at,
                l.first_counted, l.first_counted_by, l.status, l.decision, l.within_tolerance, l.approved_by, l.approval_reason,
                l.posted_quantity, l.added
            FROM unnest($1::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::numeric[], $9::bigint[],
                $10::uuid[], $11::timestamptz[], $12::bigint[], $13::uuid[], $14::text[], $15::text[], $16::boolean[], $17::uuid[],
                $18::text[], $19::bigint[], $20::boolean[])
                AS l(id, product_id, bin, lot, abc_class, expected, unit_cost, counted, counted_by, counted_at, first_counted,
                     first_counted_by, status, decision, within_tolerance, approved_by, approval_reason, posted_quantity, added)
            """, c, tx);
        Add(insert, lines.Select(l => l.Id).ToArray());
        Add(insert, count.Id);
        Add(insert, lines.Select(l => l.ProductId).ToArray());
        Add(insert, lines.Select(l => l.Bin).ToArray());
        Add(insert, lines.Select(l => l.Lot).ToArray());
        Add(insert, lines.Select(l => l.AbcClass).ToArray());
        Add(insert, lines.Select(l => l.Expected).ToArray());
        Add(insert, lines.Select(l => l.UnitCost).ToArray());
        Add(insert, lines.Select(l => l.Counted).ToArray());
        Add(insert, lines.Select(l => l.CountedBy).ToArray());
        Add(insert, lines.Select(l => l.CountedAt?.ToUniversalTime()).ToArray());
        Add(insert, lines.Select(l => l.FirstCounted).ToArray());
        Add(insert, lines.Select(l => l.FirstCountedBy).ToArray());
        Add(insert, lines.Select(l => l.Status).ToArray());
        Add(insert, lines.Select(l => l.Decision).ToArray());
        Add(insert, lines.Select(l => l.WithinTolerance).ToArray());
        Add(insert, lines.Select(l => l.ApprovedBy).ToArray());
        Add(insert, lines.Select(l => l.ApprovalReason).ToArray());
        Add(insert, lines.Select(l => l.PostedQuantity).ToArray());
        Add(insert, lines.Select(l => l.Added).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static void Add(NpgsqlCommand command, object value) => command.Parameters.Add(new NpgsqlParameter { Value = value });

    /// <summary>The location is this site's (sent before or in this batch); the number and line ids are no other count's.</summary>
    private static async Task CheckOwnedAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, CycleCountRecord count, CancellationToken ct)
    {
        await using (var command = new NpgsqlCommand("SELECT site_code FROM locations WHERE id = $1", c, tx))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = count.LocationId });
            var owner = await command.ExecuteScalarAsync(ct) as string;
            if (owner is null)
            {
                throw SyncRefusedException.Forbidden($"Cycle count {count.Number} at location {count.LocationId}, which site {site} has not sent: send the location first.");
            }

            if (owner != site)
            {
                throw SyncRefusedException.Forbidden($"Cycle count {count.Number} at location {count.LocationId}, which belongs to site {owner}, not {site}.");
            }
        }

        await using var taken = new NpgsqlCommand(
            """
            SELECT 1 FROM cycle_counts WHERE number = $1 AND id <> $2
            UNION ALL SELECT 1 FROM cycle_count_lines WHERE id = ANY($3) AND count_id <> $2
            LIMIT 1
            """, c, tx);
        taken.Parameters.Add(new NpgsqlParameter { Value = count.Number });
        taken.Parameters.Add(new NpgsqlParameter { Value = count.Id });
        taken.Parameters.Add(new NpgsqlParameter { Value = (count.Lines ?? []).Select(l => l.Id).ToArray() });
        if (await taken.ExecuteScalarAsync(ct) is not null)
        {
            throw SyncRefusedException.BadBatch($"Cycle count {count.Number}: its number or a line id belongs to another count.");
        }
    }
}
