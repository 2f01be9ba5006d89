using Npgsql;
using NpgsqlTypes;

namespace Inventory.Cloud.Features.Sync.Feed;

/// <summary>The current version of a row as the feed holds it.</summary>
public sealed record FeedVersion(string Hlc, string Data, string? OriginSite);

/// <summary>
/// Writes the change feed. <see cref="LockAsync"/> first: every writer holds the same transaction-scoped
/// advisory lock from its first feed row to its commit, so sequence numbers are handed out in commit order
/// and a pull that read up to N can never later find a row below N (a plain sequence would allow it: the
/// lesson of wall-clock and sequence anchors that miss rows committed late).
/// </summary>
public static class FeedWriter
{
    public const string NotifyChannel = "inventory_feed";
    private const long LockKey = 0x1_1A7E_F3ED;

    public static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // The notification is delivered when (and only if) the transaction commits.
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey}); SELECT pg_notify('{NotifyChannel}', '')", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<FeedVersion?> CurrentAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string kind, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT hlc, data::text, origin_site FROM change_feed WHERE kind = $1 AND key = $2", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = id.ToString() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new FeedVersion(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    public static async Task UpsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string kind, Guid id, string hlc, string? baseHlc,
        string data, string? originSite, string? audience, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO change_feed (kind, key, entity_id, hlc, base_hlc, data, origin_site, audience, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)
            ON CONFLICT (kind, key) DO UPDATE SET seq = nextval('change_feed_seq'), hlc = excluded.hlc,
                base_hlc = excluded.base_hlc, data = excluded.data, origin_site = excluded.origin_site,
                audience = excluded.audience, recorded_at = excluded.recorded_at
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = id.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = hlc });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)baseHlc ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = data });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)originSite ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)audience ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
