using Npgsql;

namespace Inventory.Cloud.Features.Sync.Feed;

/// <summary>Records when a site last pulled; pushes record their own contact in their transaction.</summary>
public sealed class SiteContact(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task PulledAsync(string site, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE sites SET last_pull_at = $2, last_contact_at = $2 WHERE code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = site });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow().ToUniversalTime() });
        await command.ExecuteNonQueryAsync(ct);
    }
}
