namespace Inventory.Domain.Ledger;

public static class LedgerLimits
{
    /// <summary>
    /// Largest quantity one movement may carry. Far above any real pallet count, low enough that sums of
    /// many movements stay exact in 64-bit arithmetic and a fat-fingered scan cannot poison a level.
    /// </summary>
    public const int MaxQuantity = 1_000_000_000;

    public const decimal MaxUnitCost = 1_000_000_000m;

    /// <summary>
    /// The earliest time a movement may say it happened. A year-1 date is a client's missing value, not history, and
    /// would sort before every real movement in valuation layers and reports.
    /// </summary>
    public static readonly DateTimeOffset EarliestAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int MaxLotLength = 50;
    public const int MaxBinLength = 50;
    public const int MaxNoteLength = 500;
    public const int MaxReferenceLength = 100;
}
