namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>Stock on its way between two sites; shipped by one, closed by the other.</summary>
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
    public required string Status { get; set; }
    public Guid ShipMovementId { get; set; }
    public Guid? ReceiveMovementId { get; set; }
    public string Lot { get; set; } = "";
    public DateTimeOffset ShippedAt { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
