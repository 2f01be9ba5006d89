namespace Inventory.Domain.Ledger;

/// <summary>
/// The ledger counts whole units of a product's unit (the blueprint's INT quantities); documents take JSON
/// decimals, and a fraction meets this check before anything is recorded. A product sold by weight is
/// counted in its smallest unit (g, ml).
/// </summary>
public static class WholeUnits
{
    public static bool Is(decimal quantity) => quantity == decimal.Truncate(quantity) && quantity is >= long.MinValue and <= long.MaxValue;

    public const string Message = "Quantities are whole units of the product's unit.";
}
