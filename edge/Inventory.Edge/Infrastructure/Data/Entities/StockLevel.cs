namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>Projection of the ledger per (product, location, bin, lot); empty bin/lot mean "none".</summary>
public sealed class StockLevel
{
    public Guid ProductId { get; set; }
    public Guid LocationId { get; set; }
    public string Bin { get; set; } = "";
    public string Lot { get; set; } = "";
    public string? Expiry { get; set; }
    public long Quantity { get; set; }
    public long Reserved { get; set; }
    public long Version { get; set; }
    public DateTimeOffset? LastCountedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
