namespace Inventory.Domain.Ledger;

public static class ReorderSuggestion
{
    /// <summary>
    /// How much to order for stock at or below its reorder point. With a maximum level: fill up to it. Else
    /// enough to rise above the point, in whole reorder quantities when one is set (the supplier's pack or
    /// the buyer's usual lot). Available, not on hand, is what counts: reserved stock is already promised.
    /// </summary>
    public static long Suggest(long available, int reorderPoint, int? reorderQuantity, int? maxLevel)
    {
        var shortfall = Math.Max(1, reorderPoint - available + 1);
        if (maxLevel is { } max && max > 0)
        {
            return Math.Max(max - available, shortfall);
        }

        if (reorderQuantity is { } lot && lot > 0)
        {
            return (shortfall + lot - 1) / lot * lot;
        }

        return shortfall;
    }
}
