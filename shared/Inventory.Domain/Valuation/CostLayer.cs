namespace Inventory.Domain.Valuation;

/// <summary>Units bought (or moved in) together at one unit cost.</summary>
public readonly record struct CostLayer(long Quantity, decimal UnitCost)
{
    public decimal Value => Quantity * UnitCost;
}
