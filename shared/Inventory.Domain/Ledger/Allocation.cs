namespace Inventory.Domain.Ledger;

/// <summary>A level row that stock can be taken from: its bin, lot and expiry, and what it has.</summary>
public sealed record LevelSlot(string Bin, string Lot, DateOnly? Expiry, long Quantity, long Reserved)
{
    public long Available => Quantity - Reserved;
}

public static class Allocation
{
    /// <summary>
    /// Picks the rows an outbound quantity comes from when the request names no bin or lot: first expiry
    /// first (perishables leave before they spoil), rows without expiry last, then by bin and lot so the
    /// choice is repeatable. Returns null when the rows together do not hold enough available stock.
    /// <paramref name="excluded"/> names rows that may not be allocated at all (held or expired lots: see
    /// <see cref="Lots.LotStatus.IsAllocatable"/>); the caller decides, so the rule stays free of where holds are kept.
    /// </summary>
    public static IReadOnlyList<(LevelSlot Slot, long Quantity)>? FirstExpiryFirst(
        IEnumerable<LevelSlot> slots, long quantity, bool fromReserved = false, Func<LevelSlot, bool>? excluded = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var ordered = slots
            .Where(s => (fromReserved ? s.Reserved : s.Available) > 0 && (excluded is null || !excluded(s)))
            .OrderBy(s => s.Expiry is null ? 1 : 0)
            .ThenBy(s => s.Expiry)
            .ThenBy(s => s.Bin, StringComparer.Ordinal)
            .ThenBy(s => s.Lot, StringComparer.Ordinal);

        var picks = new List<(LevelSlot, long)>();
        var remaining = quantity;
        foreach (var slot in ordered)
        {
            var take = Math.Min(remaining, fromReserved ? slot.Reserved : slot.Available);
            picks.Add((slot, take));
            remaining -= take;
            if (remaining == 0)
            {
                return picks;
            }
        }

        return null;
    }
}
