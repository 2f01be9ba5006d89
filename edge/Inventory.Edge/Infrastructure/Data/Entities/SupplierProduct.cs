namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// A product as one supplier sells it. The id is <see cref="Inventory.Sync.DeterministicIds.SupplierProduct"/> of the
/// pair, so the cloud and a box pricing the same pair offline edit one row.
/// </summary>
public sealed class SupplierProduct
{
    public Guid Id { get; set; }
    public Guid SupplierId { get; set; }
    public Guid ProductId { get; set; }
    public string? SupplierSku { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal MinOrderQuantity { get; set; }
    public decimal OrderMultiple { get; set; }
    public int? LeadTimeDays { get; set; }

    /// <summary>At most one preferred supplier per product: the one auto-POs go to.</summary>
    public bool Preferred { get; set; }

    /// <summary>JSON array of <see cref="Inventory.Sync.PriceBreakRecord"/>: read and written whole.</summary>
    public string PriceBreaks { get; set; } = "[]";

    public bool IsActive { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Hlc { get; set; }
}
