using Inventory.Cloud.Features.Sync.Feed;
using Inventory.Sync;

namespace Inventory.Cloud.Features.Catalog;

/// <summary>
/// Catalog edits made in the cloud (products, categories): the row and its feed entry in one transaction,
/// stamped with the cloud's clock, exactly as an edge's edit would be.
/// </summary>
public sealed class CloudWrites(CloudEdits edits)
{
    public Task<string> SaveAsync<T>(string kind, Guid id, T record, CancellationToken ct) =>
        edits.SaveAsync(kind, id, SyncJson.ToElement(record), kind switch
        {
            ChangeKinds.Product => (c, tx, data, hlc, now, token) => CatalogTables.WriteProductAsync(c, tx, data, hlc, origin: null, now, token),
            ChangeKinds.Category => CatalogTables.WriteCategoryAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The catalog writes products and categories only."),
        }, ct);
}
