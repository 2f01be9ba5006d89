namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// Stock shipped from a location of one site to a location of another (a same-site transfer is just two
/// movements). The shipping site writes it in transit; the receiving site closes it. Both sites keep a copy,
/// and state only moves forward, so the copies agree whatever order they arrive in.
/// </summary>
public sealed class Transfer
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public Guid FromLocationId { get; set; }
    public Guid ToLocationId { get; set; }
    public required string FromSite { get; set; }
    public required string ToSite { get; set; }
    public long QuantityShipped { get; set; }
    public long? QuantityReceived { get; set; }

    /// <summary><see cref="Inventory.Sync.TransferStatuses"/>.</summary>
    public required string Status { get; set; }

    public Guid ShipMovementId { get; set; }
    public Guid? ReceiveMovementId { get; set; }
    public string Lot { get; set; } = "";
    public DateTimeOffset ShippedAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? Hlc { get; set; }
}
