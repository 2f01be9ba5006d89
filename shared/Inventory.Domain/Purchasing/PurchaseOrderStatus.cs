namespace Inventory.Domain.Purchasing;

/// <summary>
/// A purchase order's status, derived, never stored as the truth: what was received is a sum over the ledger
/// (receipts made offline at a box and edits made in the cloud merge exactly), the rest are explicit events.
/// Races resolve toward the physical world: goods received against a PO that head office cancelled meanwhile
/// keep the PO partial or received, and the PO is flagged for a manager.
/// </summary>
public static class PurchaseOrderStatus
{
    public const string Draft = "draft";
    public const string Sent = "sent";
    public const string Partial = "partial";
    public const string Received = "received";
    public const string Cancelled = "cancelled";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Draft, Sent, Partial, Received, Cancelled, Closed];

    /// <summary>Statuses in which more goods are expected: they count as stock on order.</summary>
    public static readonly IReadOnlyList<string> Open = [Draft, Sent, Partial];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);

    /// <summary>
    /// The status from the lines' ordered and received sums and the PO's events. A PO is received only when
    /// every line is: over-receiving one line never completes a PO while another is still short.
    /// </summary>
    public static string Derive(IReadOnlyList<(decimal Ordered, decimal Received)> lines, PurchaseOrderEvents events)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(events);
        var anyReceived = lines.Any(l => l.Received > 0);
        if (anyReceived && lines.All(l => l.Received >= l.Ordered))
        {
            return Received;
        }

        if (events.ClosedAt is not null)
        {
            return Closed;
        }

        if (anyReceived)
        {
            return Partial;
        }

        if (events.CancelledAt is not null)
        {
            return Cancelled;
        }

        return events.SentAt is not null ? Sent : Draft;
    }

    /// <summary>Cancelled by one replica while another received against it: the goods win, a manager looks.</summary>
    public static bool NeedsAttention(IReadOnlyList<(decimal Ordered, decimal Received)> lines, PurchaseOrderEvents events) =>
        events.CancelledAt is not null && lines.Any(l => l.Received > 0);
}

/// <summary>The explicit events of a purchase order; each happens once and is never undone.</summary>
public sealed record PurchaseOrderEvents(DateTimeOffset? SentAt, DateTimeOffset? CancelledAt, DateTimeOffset? ClosedAt);
