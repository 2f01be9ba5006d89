using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;

namespace Inventory.Edge.Features.Sync;

/// <summary>Local rows as protocol records: what an outbox row carries.</summary>
internal static partial class SyncRecords
{
    public static ProductRecord ToRecord(Product p, IEnumerable<ProductBarcode> barcodes, bool? isActive = null) => new(
        p.Id, p.Sku, p.Name, p.Description, p.CategoryId, p.ParentId, p.Attributes, p.CostPrice, p.SellingPrice,
        p.ReorderPoint, p.ReorderQuantity, p.MaxLevel, p.Unit, p.Weight, p.ImageUrl, isActive ?? p.IsActive,
        [.. barcodes.OrderBy(b => b.Code, StringComparer.Ordinal).Select(b => new BarcodeRecord(b.Code, b.Kind, b.PackQuantity))],
        p.CreatedAt, p.UpdatedAt, Catalog.ProductMapping.LotSettingsOf(p));

    public static CategoryRecord ToRecord(Category c) => new(c.Id, c.Name, c.ParentId);

    public static LocationRecord ToRecord(Location l, bool? isActive = null) =>
        new(l.Id, l.Code, l.Name, l.Type, l.Address, isActive ?? l.IsActive, l.Capacity, l.AllowNegative, l.SiteCode);

    public static BinRecord ToRecord(Bin b, bool? isActive = null) => new(b.Id, b.LocationId, b.Code, b.Description, isActive ?? b.IsActive);

    public static TransferRecord ToRecord(Transfer t) => new(
        t.Id, t.ProductId, t.FromLocationId, t.ToLocationId, t.FromSite, t.ToSite, t.QuantityShipped, t.QuantityReceived,
        t.Status, t.ShipMovementId, t.ReceiveMovementId, t.Lot, t.ShippedAt, t.ReceivedAt);
}
