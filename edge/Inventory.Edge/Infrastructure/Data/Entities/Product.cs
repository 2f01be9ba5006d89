namespace Inventory.Edge.Infrastructure.Data.Entities;

public sealed class Product
{
    public Guid Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Guid? CategoryId { get; set; }

    /// <summary>Set on a variant: the product it is a size/colour of.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>JSON object of custom attributes (size, colour…).</summary>
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

    /// <summary>Optimistic concurrency: incremented by the code on every update (SQLite has no rowversion).</summary>
    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Hybrid-logical-clock stamp of the last edit: the later stamp wins between replicas.</summary>
    public string? Hlc { get; set; }

    public List<ProductBarcode> Barcodes { get; set; } = [];
}
