namespace Inventory.Domain.Ledger;

public enum AdjustmentReason
{
    Damage,
    Theft,
    CountError,
    Return,
    Found,
    Other,

    /// <summary>Scrapping stock past its expiry (expired lots are never allocated, but may leave this way).</summary>
    Expired,

    /// <summary>Scrapping a held lot after a supplier's recall.</summary>
    Recalled,
}

public static class AdjustmentReasons
{
    public static readonly IReadOnlyList<string> Names =
        ["damage", "theft", "count_error", "return", "found", "other", "expired", "recalled"];

    public static bool TryParse(string? value, out AdjustmentReason reason)
    {
        reason = default;
        var index = WireNames.IndexOf(Names, value);
        if (index < 0)
        {
            return false;
        }

        reason = (AdjustmentReason)index;
        return true;
    }

    public static string ToWireName(this AdjustmentReason reason) => Names[(int)reason];
}
