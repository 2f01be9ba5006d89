using Inventory.Domain.Ledger;

namespace Inventory.Domain.Purchasing;

/// <summary>
/// What a purchase order made from a reorder alert asks for. Worked example (docs/features/purchasing.md):
/// reorder point 10, max level 40, order multiple 6, minimum order 10, 8 available and nothing on order →
/// 40 − 8 = 32 brings stock to the max, rounded up to a multiple of 6 → 36.
/// </summary>
public static class OrderQuantity
{
    /// <summary>
    /// Zero when stock plus what is already on order is above the reorder point; else the reorder rule's
    /// quantity (<see cref="ReorderSuggestion"/>: fill to the max level, or whole reorder quantities) counted from
    /// available plus on order, raised to the supplier's minimum, then rounded up to its multiple.
    /// </summary>
    public static decimal ForReorder(
        long available, decimal onOrder, int reorderPoint, int? reorderQuantity, int? maxLevel,
        decimal minOrderQuantity, decimal orderMultiple)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onOrder);
        // Stock on order counts as if it had arrived: two alerts in a row never order the same shortfall twice.
        var position = available + (long)Math.Ceiling(onOrder);
        if (position > reorderPoint)
        {
            return 0m;
        }

        decimal quantity = ReorderSuggestion.Suggest(position, reorderPoint, reorderQuantity, maxLevel);
        return RoundToSupplier(quantity, minOrderQuantity, orderMultiple);
    }

    /// <summary>Raised to the minimum order quantity, then up to the next whole order multiple.</summary>
    public static decimal RoundToSupplier(decimal quantity, decimal minOrderQuantity, decimal orderMultiple)
    {
        var q = Math.Max(quantity, minOrderQuantity);
        if (orderMultiple > 0)
        {
            q = Math.Ceiling(q / orderMultiple) * orderMultiple;
        }

        return q;
    }
}
