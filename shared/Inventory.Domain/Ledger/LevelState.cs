namespace Inventory.Domain.Ledger;

/// <summary>
/// One stock level (product, location, bin, lot): what is on hand and what of it is promised.
/// Every change goes through <see cref="Apply"/>, so the rules live in one place.
/// </summary>
public readonly record struct LevelState(long Quantity, long Reserved)
{
    public long Available => Quantity - Reserved;

    /// <summary>
    /// Applies an on-hand delta and a reserved delta. Refuses to take on-hand below zero (unless the
    /// location allows negative stock), to reserve more than is on hand, or to release more than is reserved.
    /// </summary>
    public LevelChange Apply(long quantityDelta, long reservedDelta, bool allowNegative)
    {
        var quantity = Quantity + quantityDelta;
        var reserved = Reserved + reservedDelta;
        if (reserved < 0)
        {
            return LevelChange.Refused(LedgerError.ReleaseExceedsReserved, this);
        }

        if (quantityDelta < 0 && !allowNegative && quantity - reserved < 0)
        {
            return LevelChange.Refused(LedgerError.InsufficientStock, this);
        }

        if (reservedDelta > 0 && reserved > Math.Max(quantity, 0))
        {
            return LevelChange.Refused(LedgerError.ReservationExceedsOnHand, this);
        }

        return LevelChange.Applied(new LevelState(quantity, reserved));
    }
}

public enum LedgerError
{
    None,
    InsufficientStock,
    ReservationExceedsOnHand,
    ReleaseExceedsReserved,
}

public readonly record struct LevelChange(bool Ok, LedgerError Error, LevelState State)
{
    public static LevelChange Applied(LevelState state) => new(true, LedgerError.None, state);

    public static LevelChange Refused(LedgerError error, LevelState unchanged) => new(false, error, unchanged);
}
