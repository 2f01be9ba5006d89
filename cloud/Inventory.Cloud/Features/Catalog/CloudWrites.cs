using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync;

/// <summary>
/// Master data edited in the cloud (catalog, users): its table and its feed row in one transaction, stamped
/// with the cloud's clock and based on the version it replaces, exactly as an edge's edit would be.
/// </summary>
public sealed class CloudWrites(NpgsqlDataSource dataSource, HybridLogicalClock clock, TimeProvider time)
{
    public async Task<string> SaveAsync<T>(string kind, Guid id, T record, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var data = SyncJson.ToElement(record);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await FeedWriter.LockAsync(c, tx, ct);
        var current = await FeedWriter.CurrentAsync(c, tx, kind, id, ct);
        var hlc = clock.Next();
        await TypedTables.WriteAsync(c, tx, kind, data, hlc, origin: null, now, ct);
        await FeedWriter.UpsertAsync(c, tx, kind, id, hlc, current?.Hlc, data.GetRawText(), originSite: null, audience: null, now, ct);
        await tx.CommitAsync(ct);
        return hlc;
    }
}
