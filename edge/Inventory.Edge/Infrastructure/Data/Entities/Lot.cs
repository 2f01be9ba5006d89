namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// A lot of a product as master data (Inventory.Sync.LotRecord): dates, origin, and a hold that every path which takes
/// stock respects. Stock itself stays on the levels and the ledger, keyed by the lot code; this row says what the
/// lot is. Id is <see cref="Inventory.Sync.DeterministicIds.Lot"/> of product and code.
/// </summary>
public sealed class Lot
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public required string Code { get; set; }
    public DateOnly? Expiry { get; set; }
    public DateOnly? BestBefore { get; set; }
    public DateOnly? ManufacturedOn { get; set; }
    public Guid? SupplierId { get; set; }
    public Guid? PurchaseOrderId { get; set; }

    /// <summary>available | hold (expired is derived: Inventory.Domain.Lots.LotStatus).</summary>
    public string Status { get; set; } = "available";

    public string? HoldReason { get; set; }
    public DateTimeOffset? HeldAt { get; set; }
    public Guid? HeldBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Hlc { get; set; }
}
