namespace Inventory.Domain.Ledger;

public enum StockStatus
{
    Ok,
    Low,
    Out,
    Over,
}

public static class StockStatuses
{
    /// <summary>
    /// Out when nothing is available, low at or below the reorder point, over above the maximum level.
    /// Available (not on hand) drives low/out because reserved stock cannot be picked for a new order.
    /// </summary>
    public static StockStatus Of(long quantity, long available, int? reorderPoint, int? maxLevel)
    {
        if (available <= 0)
        {
            return StockStatus.Out;
        }

        if (reorderPoint is { } point && available <= point)
        {
            return StockStatus.Low;
        }

        if (maxLevel is { } max && max > 0 && quantity > max)
        {
            return StockStatus.Over;
        }

        return StockStatus.Ok;
    }

    public static string ToWireName(this StockStatus status) => status switch
    {
        StockStatus.Ok => "ok",
        StockStatus.Low => "low",
        StockStatus.Out => "out",
        _ => "over",
    };
}
