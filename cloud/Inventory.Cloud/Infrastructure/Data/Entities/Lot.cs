namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>
/// A lot of a product as the company's master data (Inventory.Sync.LotRecord): dates, origin and a hold that reaches
/// every box. Id is <c>DeterministicIds.Lot(product, code)</c>.
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
    public required string Hlc { get; set; }

    /// <summary>Where the current version was made: a site code, or null for the cloud.</summary>
    public string? EditedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
