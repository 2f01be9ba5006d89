using System.Globalization;

namespace Inventory.Domain.Purchasing;

/// <summary>
/// PO numbers unique across the fleet without asking anyone: the prefix is where the PO was born (a site's
/// code, which the cloud keeps unique, or <see cref="CloudPrefix"/> for head office), the rest a counter kept
/// by that one writer. A box offline for a week still numbers its POs without a clash.
/// </summary>
public static class PurchaseOrderNumber
{
    /// <summary>The cloud's prefix; the cloud refuses a site with this code.</summary>
    public const string CloudPrefix = "HQ";

    public static string Format(string origin, long sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(origin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        return string.Create(CultureInfo.InvariantCulture, $"PO-{origin}-{sequence:D6}");
    }
}
