using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Sync;

public sealed record SyncCursors(long MovementsPushedSeq, long OutboxPushedSeq, long PullCursor);

/// <summary>What the status endpoint shows, read in one snapshot of the database.</summary>
public sealed record SyncSnapshot(
    SyncCursors Cursors,
    DateTimeOffset? LastPushAt,
    DateTimeOffset? LastPullAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    long PendingMovements,
    long PendingOutbox,
    DateTimeOffset? OldestPendingMovementAt,
    long QuarantinedCount,
    IReadOnlyList<Guid> QuarantinedIds);

/// <summary>The single sync_state row, in plain SQL on short-lived connections (the agent and the status endpoint).</summary>
public sealed class SyncStateStore(EdgeDatabase database, TimeProvider time)
{
    /// <summary>Quarantined ids kept for the status page; the count keeps growing past it.</summary>
    public const int MaxQuarantinedIds = 100;

    public async Task<SyncCursors> CursorsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT movements_pushed_seq, outbox_pushed_seq, pull_cursor FROM sync_state WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SyncCursors(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2))
            : new SyncCursors(0, 0, 0);
    }

    public async Task<SyncSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One read transaction: the counts and the cursors they are counted from belong together.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT s.movements_pushed_seq, s.outbox_pushed_seq, s.pull_cursor, s.last_push_at, s.last_pull_at, s.last_error,
                   s.last_error_at, s.quarantined_count, s.quarantined_ids,
                   (SELECT count(*) FROM stock_movements m WHERE m.seq > s.movements_pushed_seq),
                   (SELECT count(*) FROM sync_outbox o WHERE o.seq > s.outbox_pushed_seq),
                   (SELECT m.recorded_at FROM stock_movements m WHERE m.seq > s.movements_pushed_seq ORDER BY m.seq LIMIT 1)
            FROM sync_state s WHERE s.id = 1
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new SyncSnapshot(new SyncCursors(0, 0, 0), null, null, null, null, 0, 0, null, 0, []);
        }

        var ids = reader.IsDBNull(8) ? [] : JsonSerializer.Deserialize<List<Guid>>(reader.GetString(8)) ?? [];
        return new SyncSnapshot(
            new SyncCursors(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)),
            Instant(reader, 3), Instant(reader, 4), reader.IsDBNull(5) ? null : reader.GetString(5), Instant(reader, 6),
            reader.GetInt64(9), reader.GetInt64(10), Instant(reader, 11), reader.GetInt64(7), ids);
    }

    /// <summary>After the cloud's acknowledgement: both cursors and the quarantine in one transaction.</summary>
    public async Task PushedAsync(long movementsUpTo, long changesUpTo, IReadOnlyList<Guid> quarantined, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE sync_state SET movements_pushed_seq = max(movements_pushed_seq, $movements),
                outbox_pushed_seq = max(outbox_pushed_seq, $changes), last_push_at = $now,
                last_error = CASE WHEN last_error LIKE 'push:%' THEN NULL ELSE last_error END
            WHERE id = 1
            """;
        command.Parameters.AddWithValue("$movements", movementsUpTo);
        command.Parameters.AddWithValue("$changes", changesUpTo);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (quarantined.Count > 0)
        {
            await AddQuarantinedAsync(connection, transaction, quarantined, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Remembers a failure. <paramref name="source"/> ("push" or "pull") lets that loop's next success clear it.</summary>
    public async Task FailedAsync(string source, string message, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE sync_state SET last_error = $error, last_error_at = $now WHERE id = 1";
        command.Parameters.AddWithValue("$error", $"{source}: {message}");
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AddQuarantinedAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Guid> quarantined, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT quarantined_ids FROM sync_state WHERE id = 1";
        var known = await read.ExecuteScalarAsync(cancellationToken) is string text ? JsonSerializer.Deserialize<List<Guid>>(text) ?? [] : [];
        var fresh = quarantined.Where(id => !known.Contains(id)).ToList();
        known.AddRange(fresh);
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "UPDATE sync_state SET quarantined_count = quarantined_count + $count, quarantined_ids = $ids WHERE id = 1";
        write.Parameters.AddWithValue("$count", fresh.Count);
        write.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(known.TakeLast(MaxQuarantinedIds).ToList()));
        await write.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTimeOffset? Instant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
