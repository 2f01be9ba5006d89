using System.Text.Json;

namespace Inventory.Edge.Features.Catalog;

public sealed record BarcodeView(string Code, string Kind, int PackQuantity);

public sealed record ProductView(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    Guid? CategoryId,
    Guid? ParentId,
    JsonElement? Attributes,
    decimal? CostPrice,
    decimal? SellingPrice,
    int? ReorderPoint,
    int? ReorderQuantity,
    int? MaxLevel,
    string Unit,
    decimal? Weight,
    string? ImageUrl,
    bool IsActive,
    IReadOnlyList<string> Barcodes,
    IReadOnlyList<BarcodeView> CaseBarcodes,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool LotTracked,
    int? ShelfLifeDays,
    int ExpiryAlertDays,
    bool SellExpired)
{
    public ProductView WithoutCost() => this with { CostPrice = null };
}
