using System.Globalization;

namespace Inventory.Domain.Counting;

/// <summary>
/// A cycle count's life: <c>open</c> (being counted) → submitted: <c>completed</c> when every line posted, or
/// <c>needs_approval</c> while a line beyond tolerance waits for a recount or a manager; <c>cancelled</c> before
/// submission. Stored, because submission and approval are events, not ledger sums.
/// </summary>
public static class CycleCountStatus
{
    public const string Open = "open";
    public const string NeedsApproval = "needs_approval";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}

/// <summary>
/// A line's life: <c>pending</c> (not counted yet), <c>counted</c> (a figure entered, count not submitted),
/// <c>needs_approval</c> (submitted beyond tolerance), <c>posted</c> (its adjustment is in the ledger).
/// <see cref="IsOpen"/> lines hold their stock: no other count may take the same product, bin and lot meanwhile.
/// </summary>
public static class CountLineStatus
{
    public const string Pending = "pending";
    public const string Counted = "counted";
    public const string NeedsApproval = "needs_approval";
    public const string Posted = "posted";
    public const string Cancelled = "cancelled";

    public static bool IsOpen(string status) => status is Pending or Counted or NeedsApproval;
}

/// <summary>
/// How a line's adjustment is computed. <c>variance</c> (default): counted minus the quantity expected when the count
/// was made, so movements during the count are kept (ship 1 of 10, count 10 → 9). <c>counted_wins</c>: a manager's
/// choice to set the level to the counted figure, recorded on the line.
/// </summary>
public static class CountDecision
{
    public const string Variance = "variance";
    public const string CountedWins = "counted_wins";
}

/// <summary>Count numbers unique across the fleet: <c>CC-{site}-000042</c>, the counter kept by the box (one writer).</summary>
public static class CycleCountNumber
{
    public static string Format(string site, long sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(site);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        return string.Create(CultureInfo.InvariantCulture, $"CC-{site}-{sequence:D6}");
    }
}
