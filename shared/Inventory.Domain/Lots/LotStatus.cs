namespace Inventory.Domain.Lots;

/// <summary>
/// A lot's status. <see cref="Hold"/> is an explicit event (a recall or a quality stop) that replicates to every box;
/// <see cref="Expired"/> is derived from the expiry date and today, never stored, so a box offline for a week still
/// stops selling what expired meanwhile.
/// </summary>
public static class LotStatus
{
    public const string Available = "available";
    public const string Hold = "hold";
    public const string Expired = "expired";

    /// <summary>The status a lot has today: held wins, then expired (the expiry day itself is still sellable).</summary>
    public static string Effective(string? storedStatus, DateOnly? expiry, DateOnly today) =>
        storedStatus == Hold ? Hold
        : expiry is { } e && e < today ? Expired
        : Available;

    /// <summary>Held and expired lots are never allocated to a ship, reserve, pick or transfer.</summary>
    public static bool IsAllocatable(string? storedStatus, DateOnly? expiry, DateOnly today) =>
        Effective(storedStatus, expiry, today) == Available;
}
