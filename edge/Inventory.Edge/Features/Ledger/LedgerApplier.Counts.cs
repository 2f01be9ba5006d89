namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// A cycle count's adjustment (<see cref="LineMode.AddCounted"/>): the variance found (counted minus the quantity
/// expected when the count was made) is added to exactly the counted product, bin and lot, so stock that moved while
/// the count was open is kept (ship 1 of 10, count 10 → 9). The row is marked counted (last_counted_at) even when the
/// variance is zero: a zero movement is written, the record that this stock was counted and found right.
/// </summary>
internal sealed partial class LedgerApplier
{
    private void ApplyCountVariance(
        Stock stock, LedgerLine line, Guid movementId, LedgerCommand command, DateTimeOffset now, List<MovementView> movements)
    {
        var slot = FindOrCreate(stock, line.Bin ?? "", line.Lot ?? "", line.Expiry);
        var delta = line.Quantity;
        if (!stock.Location.AllowNegative && slot.Quantity + delta < 0)
        {
            // What moved out during the count already took part of the shortfall: a count states what is there and never
            // leaves a location that does not allow it below zero, so the adjustment stops at zero (the movement says so).
            delta = -slot.Quantity;
        }

        var after = slot.Quantity + delta;
        // A reservation beyond what the shelf holds cannot be honoured (as for a counted figure).
        var reservedDelta = Math.Max(-slot.Reserved, Math.Min(0, after - slot.Reserved));
        Change(stock, slot, delta, reservedDelta, line, movementId, command, now, movements, counted: true);
    }
}
