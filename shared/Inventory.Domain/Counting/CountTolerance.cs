namespace Inventory.Domain.Counting;

/// <summary>
/// Whether a counted line is within tolerance. Each line is judged on its own, so errors never net out: 100 counted as
/// 95 and another 100 counted as 105 are two lines 5 % off, not a perfect total.
/// </summary>
public static class CountTolerance
{
    /// <summary>
    /// Within when |counted − expected| ≤ expected × percent / 100 and, with a value threshold, |variance| × unit cost ≤
    /// the threshold. Expecting 0 and finding anything is outside any percentage.
    /// </summary>
    public static bool IsWithin(long expected, long counted, decimal percent, decimal? unitCost, decimal? valueThreshold)
    {
        var variance = Math.Abs(counted - expected);
        if (variance == 0)
        {
            return true;
        }

        var withinPercent = variance <= Math.Abs(expected) * percent / 100m;
        var withinValue = valueThreshold is not { } limit || unitCost is not { } cost || variance * cost <= limit;
        return withinPercent && withinValue;
    }
}
