namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>Reorder point, reorder quantity and maximum level of one product at one location; null falls back to the product's.</summary>
public sealed class LocationProductSetting
{
    public Guid LocationId { get; set; }
    public Guid ProductId { get; set; }
    public int? ReorderPoint { get; set; }
    public int? ReorderQuantity { get; set; }
    public int? MaxLevel { get; set; }
}
