using System.Text.Json;
using Inventory.Domain.Catalog;
using Inventory.Domain.Lots;
using Inventory.Edge.Infrastructure.Data.Entities;

namespace Inventory.Edge.Features.Catalog;

/// <summary>
/// A product between its API shapes and its row: a checked <see cref="ProductRequest"/> onto the entity, the
/// entity into its view. What a product must be is <see cref="ProductRules"/>, in Inventory.Domain.
/// </summary>
public static class ProductMapping
{
    public static List<ProductBarcode> BarcodesOf(ProductRequest r, Guid productId) =>
    [
        .. (r.Barcodes ?? []).Select(c => new ProductBarcode { Code = c.Trim(), ProductId = productId, Kind = BarcodeKinds.Unit, PackQuantity = 1 }),
        .. (r.CaseBarcodes ?? []).Select(c => new ProductBarcode { Code = c.Code!.Trim(), ProductId = productId, Kind = BarcodeKinds.Case, PackQuantity = c.PackQuantity!.Value }),
    ];

    /// <summary>Copies the request onto the entity; the caller has validated it.</summary>
    public static void ApplyTo(ProductRequest r, Product p, Guid? categoryId)
    {
        p.Sku = r.Sku!.Trim();
        p.Name = r.Name!.Trim();
        p.Description = r.Description;
        p.CategoryId = categoryId;
        p.ParentId = r.ParentId;
        p.Attributes = r.Attributes is { ValueKind: JsonValueKind.Object } a ? a.GetRawText() : null;
        p.CostPrice = r.CostPrice;
        p.SellingPrice = r.SellingPrice;
        p.ReorderPoint = r.ReorderPoint;
        p.ReorderQuantity = r.ReorderQuantity;
        p.MaxLevel = r.MaxLevel;
        p.Unit = r.Unit ?? Units.Each;
        p.Weight = r.Weight;
        p.ImageUrl = r.ImageUrl;
        p.IsActive = r.IsActive ?? p.IsActive;
        var lots = LotSettingsOf(p).With(r.LotTracked, r.ShelfLifeDays, r.ExpiryAlertDays, r.SellExpired);
        (p.LotTracked, p.ShelfLifeDays, p.ExpiryAlertDays, p.SellExpired) = (lots.LotTracked, lots.ShelfLifeDays, lots.ExpiryAlertDays, lots.SellExpired);
    }

    public static ProductLotSettings LotSettingsOf(Product p) => new(p.LotTracked, p.ShelfLifeDays, p.ExpiryAlertDays, p.SellExpired);

    public static ProductView ToView(Product p) => new(
        p.Id, p.Sku, p.Name, p.Description, p.CategoryId, p.ParentId,
        p.Attributes is null ? null : JsonDocument.Parse(p.Attributes).RootElement.Clone(),
        p.CostPrice, p.SellingPrice, p.ReorderPoint, p.ReorderQuantity, p.MaxLevel, p.Unit, p.Weight, p.ImageUrl, p.IsActive,
        [.. p.Barcodes.Where(b => b.Kind == BarcodeKinds.Unit).Select(b => b.Code).Order(StringComparer.Ordinal)],
        [.. p.Barcodes.Where(b => b.Kind == BarcodeKinds.Case).OrderBy(b => b.Code, StringComparer.Ordinal).Select(b => new BarcodeView(b.Code, b.Kind, b.PackQuantity))],
        p.Version, p.CreatedAt, p.UpdatedAt, p.LotTracked, p.ShelfLifeDays, p.ExpiryAlertDays, p.SellExpired);
}
