using System.Text.Json;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Users;

/// <summary>
/// Writes the winning version of an account into <c>users</c>, whether the cloud edited it or a site's push
/// carried it. Called with the feed's lock held, in the same transaction as the feed row.
/// </summary>
internal static class UserTable
{
    public static async Task WriteAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, JsonElement data, string hlc, DateTimeOffset now, CancellationToken ct)
    {
        var u = SyncJson.Read<UserRecord>(data);
        await NpgsqlExec.ExecAsync(c, tx, """
            INSERT INTO users (id, username, password_hash, role, is_active, failed_logins, security_stamp, hlc, created_at, updated_at, sites)
            VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, $8, $9)
            ON CONFLICT (id) DO UPDATE SET username = excluded.username, password_hash = excluded.password_hash,
                role = excluded.role, is_active = excluded.is_active, security_stamp = excluded.security_stamp,
                hlc = excluded.hlc, updated_at = excluded.updated_at, sites = excluded.sites
            """, ct, u.Id, u.Username, u.PasswordHash, u.Role, u.IsActive, u.SecurityStamp, hlc, now, UserSites.Stored(u.Sites));
    }
}
