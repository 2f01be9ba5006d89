using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;

namespace Inventory.Edge.Features.Sync;

internal static partial class SyncRecords
{
    public static LotRecord ToRecord(Lot l) => new(
        l.Id, l.ProductId, l.Code, l.Expiry, l.BestBefore, l.ManufacturedOn, l.SupplierId, l.PurchaseOrderId, l.Status,
        l.HoldReason, l.HeldAt, l.HeldBy, l.UpdatedAt);
}
