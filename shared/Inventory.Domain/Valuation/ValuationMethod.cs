namespace Inventory.Domain.Valuation;

/// <summary>How an issue is costed: oldest layers first, newest layers first, or at the moving average.</summary>
public enum ValuationMethod
{
    Fifo,
    Lifo,
    Wac,
}

public static class ValuationMethods
{
    public static string ToWireName(this ValuationMethod method) => method.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out ValuationMethod method)
    {
        method = default;
        return value?.ToLowerInvariant() switch
        {
            "fifo" => Set(ValuationMethod.Fifo, out method),
            "lifo" => Set(ValuationMethod.Lifo, out method),
            "wac" => Set(ValuationMethod.Wac, out method),
            _ => false,
        };
    }

    private static bool Set(ValuationMethod value, out ValuationMethod method)
    {
        method = value;
        return true;
    }

    /// <summary>
    /// The one rounding rule: amounts are carried unrounded (decimal, 28 digits) through every layer and
    /// average, and only a line's final value is rounded to the cent, half away from zero (commercial
    /// rounding). A total is the sum of the rounded lines, so a report's lines always add up to its total.
    /// </summary>
    public static decimal ToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
