using System.Text.Json;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync.Feed;

/// <summary>Writes one row's new version into its own table, inside <see cref="CloudEdits.SaveAsync"/>'s transaction.</summary>
public delegate Task TableWrite(NpgsqlConnection c, NpgsqlTransaction tx, JsonElement data, string hlc, DateTimeOffset now, CancellationToken ct);

/// <summary>
/// Master data edited in the cloud (catalog, users): its table and its feed row in one transaction, stamped
/// with the cloud's clock and based on the version it replaces, exactly as an edge's edit would be. The
/// feature that owns the table passes its writer, so the feed knows no feature's tables.
/// </summary>
public sealed class CloudEdits(NpgsqlDataSource dataSource, HybridLogicalClock clock, TimeProvider time)
{
    /// <summary>Saves a version every site receives (company-wide master data).</summary>
    public Task<string> SaveAsync(string kind, Guid id, JsonElement data, TableWrite writeTable, CancellationToken ct) =>
        SaveAsync(kind, id, data, writeTable, audience: null, ct);

    /// <summary>Saves a version only <paramref name="audience"/> receives (a document of that site), or every site when null.</summary>
    public async Task<string> SaveAsync(string kind, Guid id, JsonElement data, TableWrite writeTable, string? audience, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await FeedWriter.LockAsync(c, tx, ct);
        var current = await FeedWriter.CurrentAsync(c, tx, kind, id, ct);
        var hlc = clock.Next();
        await writeTable(c, tx, data, hlc, now, ct);
        await FeedWriter.UpsertAsync(c, tx, kind, id, hlc, current?.Hlc, data.GetRawText(), originSite: null, audience, now, ct);
        await tx.CommitAsync(ct);
        return hlc;
    }
}
