namespace Inventory.Domain.Counting;

/// <summary>
/// Inventory record accuracy: the share of counted lines whose record was within tolerance of the shelf. Lines, not
/// units, so an overcount never hides an undercount.
/// </summary>
public static class InventoryAccuracy
{
    /// <summary>within ÷ counted as a fraction rounded to 4 places (0.9500 = 95 %); null when nothing was counted.</summary>
    public static decimal? Of(long linesWithinTolerance, long linesCounted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(linesWithinTolerance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(linesWithinTolerance, linesCounted);
        return linesCounted == 0 ? null : decimal.Round((decimal)linesWithinTolerance / linesCounted, 4);
    }
}
