using Inventory.Cloud.Features.Sync.Feed;
using Inventory.Sync;

namespace Inventory.Cloud.Features.Purchasing;

/// <summary>
/// Purchasing edits made in the cloud: the row and its feed entry in one transaction (<see cref="CloudEdits"/>).
/// Suppliers and their prices reach every site; a purchase order only its home site.
/// </summary>
public sealed class PurchasingWrites(CloudEdits edits)
{
    public Task<string> SaveSupplierAsync(SupplierRecord record, CancellationToken ct) =>
        edits.SaveAsync(ChangeKinds.Supplier, record.Id, SyncJson.ToElement(record),
            (c, tx, data, hlc, now, token) => PurchasingTables.WriteSupplierAsync(c, tx, data, hlc, origin: null, now, token), ct);

    public Task<string> SaveSupplierProductAsync(SupplierProductRecord record, CancellationToken ct) =>
        edits.SaveAsync(ChangeKinds.SupplierProduct, record.Id, SyncJson.ToElement(record),
            (c, tx, data, hlc, now, token) => PurchasingTables.WriteSupplierProductAsync(c, tx, data, hlc, origin: null, now, token), ct);

    public Task<string> SavePurchaseOrderAsync(PurchaseOrderRecord record, CancellationToken ct) =>
        edits.SaveAsync(ChangeKinds.PurchaseOrder, record.Id, SyncJson.ToElement(record),
            (c, tx, data, hlc, now, token) => PurchasingTables.WritePurchaseOrderAsync(c, tx, data, hlc, origin: null, now, token),
            audience: record.SiteCode, ct);
}
