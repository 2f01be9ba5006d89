using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Sync;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Sync;

/// <summary>A push ready to send: the gzipped JSON body and the cursors it carries.</summary>
public sealed record PreparedPush(byte[] Body, long MovementsAfter, long MovementsUpTo, long ChangesAfter, long ChangesUpTo, int Movements, int Changes)
{
    public bool IsEmpty => Movements == 0 && Changes == 0;
}

/// <summary>
/// Reads what comes after the pushed cursors and serializes it. Plain DataReader over the WAL read side (never
/// blocks the writer), no EF tracking, one allocation per field: a million-movement backlog goes through here.
/// </summary>
public sealed class PushReader(EdgeDatabase database, TimeProvider time)
{
    private const string MovementsSql = """
        SELECT id, seq, type, product_id, location_id, bin, lot, expiry, quantity, reserved_delta, unit_cost, reason, note,
               reference_type, reference_id, user_id, device_id, occurred_at, recorded_at
        FROM stock_movements WHERE seq > $after ORDER BY seq LIMIT $limit
        """;

    private const string OutboxSql = "SELECT seq, kind, entity_id, hlc, base_hlc, data FROM sync_outbox WHERE seq > $after ORDER BY seq LIMIT $limit";

    public async Task<PreparedPush> ReadAsync(string siteCode, long movementsAfter, long changesAfter, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var movements = ReadMovements(connection, transaction, movementsAfter, batchSize);
        var changes = ReadChanges(connection, transaction, changesAfter, SyncProtocol.MaxChangesPerPush);
        var movementsUpTo = movements.Count > 0 ? movements[^1].Seq : movementsAfter;
        var changesUpTo = changes.Count > 0 ? changes[^1].Seq : changesAfter;
        await using var latest = connection.CreateCommand();
        latest.Transaction = transaction;
        latest.CommandText = "SELECT coalesce(max(seq), 0) FROM stock_movements";
        // seq has no gaps in practice (one writer, AUTOINCREMENT rolled back with its savepoint), so this is a
        // count without scanning a million rows; a gap would only overstate it.
        var pending = Math.Max(0, Convert.ToInt64(await latest.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) - movementsUpTo);

        var batch = new PushBatch(siteCode, movementsAfter, movementsUpTo, changesAfter, changesUpTo, movements, changes, pending, time.GetUtcNow());
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(gzip, batch, SyncJson.Default.PushBatch, cancellationToken);
        }

        return new PreparedPush(buffer.ToArray(), movementsAfter, movementsUpTo, changesAfter, changesUpTo, movements.Count, changes.Count);
    }

    private static List<MovementRecord> ReadMovements(SqliteConnection connection, SqliteTransaction transaction, long after, int limit)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = MovementsSql;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        var list = new List<MovementRecord>(Math.Min(limit, 1024));
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            list.Add(new MovementRecord(
                Guid.Parse(r.GetString(0)), r.GetInt64(1), r.GetString(2), Guid.Parse(r.GetString(3)), Guid.Parse(r.GetString(4)),
                r.GetString(5), r.GetString(6), Text(r, 7), r.GetInt64(8), r.GetInt64(9),
                r.IsDBNull(10) ? null : decimal.Parse(r.GetString(10), NumberStyles.Float, CultureInfo.InvariantCulture),
                Text(r, 11), Text(r, 12), Text(r, 13), Text(r, 14), r.IsDBNull(15) ? null : Guid.Parse(r.GetString(15)), Text(r, 16),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(17)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(18))));
        }

        return list;
    }

    private static List<ChangeRecord> ReadChanges(SqliteConnection connection, SqliteTransaction transaction, long after, int limit)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = OutboxSql;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        var list = new List<ChangeRecord>();
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            using var data = JsonDocument.Parse(r.GetString(5));
            list.Add(new ChangeRecord(r.GetInt64(0), r.GetString(1), Guid.Parse(r.GetString(2)), r.GetString(3), Text(r, 4), data.RootElement.Clone()));
        }

        return list;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
