namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// A lot at a location is about to expire (<see cref="Kind"/> <c>window</c>: inside its product's expiry-alert days)
/// or has expired (<c>expired</c>). One per lot, location, kind and expiry date ever (a unique index says so), so a
/// daily scan and a restart never raise it twice and a movement never raises it at all; it closes when the lot's
/// stock at the location is gone.
/// </summary>
public sealed class ExpiryAlert
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public Guid LocationId { get; set; }
    public required string Lot { get; set; }

    /// <summary>window | expired</summary>
    public required string Kind { get; set; }

    public DateOnly Expiry { get; set; }

    /// <summary>Units of the lot at the location when the alert opened.</summary>
    public long QuantityAtOpen { get; set; }

    /// <summary>open | closed</summary>
    public required string Status { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedBy { get; set; }
}
