using System.Data;
using System.Text.Json;
using Inventory.Cloud.Features.Users;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync.Feed;

/// <summary>
/// Reads a site's page of the feed: everything after its cursor that is for every site or for it, except its own
/// changes; an account not allowed at the site comes without its password hash (<see cref="UserFeedFilter"/>).
/// </summary>
public sealed class FeedReader(NpgsqlDataSource dataSource)
{
    public async Task<ChangePage> ReadAsync(string site, long after, int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        // One snapshot for the page and the high-water mark, so the cursor never passes an unread row.
        await using var tx = await c.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var changes = new List<ChangeRecord>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT seq, kind, entity_id, hlc, base_hlc, data::text FROM change_feed
            WHERE seq > $1 AND (audience IS NULL OR audience = $2) AND origin_site IS DISTINCT FROM $2
            ORDER BY seq LIMIT $3
            """, c, tx))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = after });
            command.Parameters.Add(new NpgsqlParameter { Value = site });
            command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                using var data = JsonDocument.Parse(reader.GetString(5));
                var change = new ChangeRecord(reader.GetInt64(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), data.RootElement.Clone());
                changes.Add(UserFeedFilter.ForSite(change, site));
            }
        }

        var more = changes.Count > limit;
        if (more)
        {
            changes.RemoveAt(changes.Count - 1);
            return new ChangePage(changes, changes[^1].Seq, true);
        }

        // Rows filtered out for this site still move its cursor, so they are not scanned again.
        await using var top = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM change_feed", c, tx);
        var next = Math.Max(after, (long)(await top.ExecuteScalarAsync(ct))!);
        await tx.CommitAsync(ct);
        return new ChangePage(changes, next, false);
    }
}
