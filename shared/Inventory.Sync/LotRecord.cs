namespace Inventory.Sync;

/// <summary>
/// A lot of a product as company-wide master data: its dates and origin, and whether it is on hold. Replicated
/// both ways to every site like the catalog, so a hold placed anywhere is enforced by every box from its next pull
/// on, also while it is offline afterwards. <see cref="Id"/> is <see cref="DeterministicIds.Lot"/> of product and
/// lot code, so two replicas that meet the same lot make one row. <see cref="Status"/> is <c>available</c> or
/// <c>hold</c>; <c>expired</c> is derived from <see cref="Expiry"/> where it is read.
/// </summary>
public sealed record LotRecord(
    Guid Id,
    Guid ProductId,
    string Lot,
    DateOnly? Expiry,
    DateOnly? BestBefore,
    DateOnly? ManufacturedOn,
    Guid? SupplierId,
    Guid? PurchaseOrderId,
    string Status,
    string? HoldReason,
    DateTimeOffset? HeldAt,
    Guid? HeldBy,
    DateTimeOffset UpdatedAt);
