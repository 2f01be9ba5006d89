using Inventory.Sync;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>Movements of a push as one binary COPY, into the ledger itself or into a staging table.</summary>
internal static class MovementCopy
{
    public const string Columns =
        "id, site_seq, type, product_id, location_id, bin, lot, expiry, quantity, reserved_delta, unit_cost, reason, note, " +
        "reference_type, reference_id, user_id, device_id, occurred_at, recorded_at";

    /// <summary>Straight into <c>stock_movements</c>, stamped with the site and the time of arrival.</summary>
    public static async Task IntoLedgerAsync(
        NpgsqlConnection c, string site, DateTimeOffset now, IReadOnlyList<MovementRecord> movements, CancellationToken ct)
    {
        await using var copy = await c.BeginBinaryImportAsync(
            $"COPY stock_movements (site_code, applied_at, {Columns}) FROM STDIN (FORMAT BINARY)", ct);
        var appliedAt = now.ToUniversalTime();
        foreach (var m in movements)
        {
            copy.StartRow();
            copy.Write(site, NpgsqlDbType.Text);
            copy.Write(appliedAt, NpgsqlDbType.TimestampTz);
            WriteFields(copy, m);
        }

        await copy.CompleteAsync(ct);
    }

    public static async Task IntoAsync(NpgsqlConnection c, string table, IReadOnlyList<MovementRecord> movements, CancellationToken ct)
    {
        await using var copy = await c.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var m in movements)
        {
            copy.StartRow();
            WriteFields(copy, m);
        }

        await copy.CompleteAsync(ct);
    }

    // Synchronous writes into the importer's buffer: 19 awaits per row cost more than the rows (a push is ~100k
    // fields); the buffer goes to the server as it fills, and the push is one request on its own connection.
    private static void WriteFields(NpgsqlBinaryImporter copy, MovementRecord m)
    {
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
}
