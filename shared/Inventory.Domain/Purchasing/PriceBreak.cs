namespace Inventory.Domain.Purchasing;

/// <summary>From <see cref="Quantity"/> units on, a line costs <see cref="UnitPrice"/> each.</summary>
public sealed record PriceBreak(decimal Quantity, decimal UnitPrice);

public static class PriceBreaks
{
    /// <summary>
    /// The unit price for an order of <paramref name="quantity"/>: the break with the largest threshold not above
    /// it, else the base price. Breaks are a supplier's volume discounts, so the whole line takes that price.
    /// </summary>
    public static decimal UnitPriceFor(decimal quantity, decimal basePrice, IEnumerable<PriceBreak> breaks)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        var applies = breaks.Where(b => b.Quantity <= quantity).OrderByDescending(b => b.Quantity).FirstOrDefault();
        return applies?.UnitPrice ?? basePrice;
    }

    /// <summary>Errors of a supplier's break list, empty when it is fine: positive thresholds, each once, prices not negative.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<PriceBreak> breaks)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        var errors = new List<string>();
        if (breaks.Any(b => b.Quantity <= 0))
        {
            errors.Add("Each price break needs a quantity above zero.");
        }

        if (breaks.Any(b => b.UnitPrice < 0))
        {
            errors.Add("A price break's unit price cannot be negative.");
        }

        if (breaks.GroupBy(b => b.Quantity).Any(g => g.Count() > 1))
        {
            errors.Add("Two price breaks have the same quantity.");
        }

        return errors;
    }
}
