namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>The company catalog. <see cref="Hlc"/> stamps the version; the later stamp wins on every replica.</summary>
public sealed class Product
{
    public Guid Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Guid? CategoryId { get; set; }
    public Guid? ParentId { get; set; }
    public string? Attributes { get; set; }
    public decimal? CostPrice { get; set; }
    public decimal? SellingPrice { get; set; }
    public int? ReorderPoint { get; set; }
    public int? ReorderQuantity { get; set; }
    public int? MaxLevel { get; set; }
    public string Unit { get; set; } = "each";
    public decimal? Weight { get; set; }
    public string? ImageUrl { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Every receipt names a lot (Inventory.Domain.Lots.ProductLotSettings).</summary>
    public bool LotTracked { get; set; }

    /// <summary>Days from receipt to expiry for a receipt that brings no expiry; null = none.</summary>
    public int? ShelfLifeDays { get; set; }

    /// <summary>Days before a lot's expiry that its expiry alert opens.</summary>
    public int ExpiryAlertDays { get; set; } = 30;

    /// <summary>Whether expired (never held) stock may still be allocated.</summary>
    public bool SellExpired { get; set; }
    public required string Hlc { get; set; }

    /// <summary>Where the current version was made: a site code, or null for the cloud.</summary>
    public string? EditedAt { get; set; }

    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ProductBarcode> Barcodes { get; set; } = [];
}

public sealed class ProductBarcode
{
    public required string Code { get; set; }
    public Guid ProductId { get; set; }
    public string Kind { get; set; } = "unit";
    public int PackQuantity { get; set; } = 1;
}
