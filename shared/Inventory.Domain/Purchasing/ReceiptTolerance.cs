namespace Inventory.Domain.Purchasing;

/// <summary>
/// How much of an ordered line may be received in all, over every receipt: ordered × (1 + tolerance / 100),
/// in decimal arithmetic so 100.002 against 100 at 0 % is refused and 10,200 against 10,000 at 2 % is not.
/// </summary>
public static class ReceiptTolerance
{
    public const decimal MaxPercent = 1000m;

    public static decimal MaxReceivable(decimal ordered, decimal tolerancePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordered);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerancePercent);
        return ordered + (ordered * tolerancePercent / 100m);
    }

    /// <summary>True when <paramref name="alreadyReceived"/> plus <paramref name="quantity"/> stays within the tolerance.</summary>
    public static bool Allows(decimal ordered, decimal alreadyReceived, decimal quantity, decimal tolerancePercent) =>
        alreadyReceived + quantity <= MaxReceivable(ordered, tolerancePercent);

    /// <summary>What may still be received on a line (never negative).</summary>
    public static decimal Remaining(decimal ordered, decimal alreadyReceived, decimal tolerancePercent) =>
        Math.Max(0m, MaxReceivable(ordered, tolerancePercent) - alreadyReceived);
}
