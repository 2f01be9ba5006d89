namespace Inventory.Sync;

// Purchasing's master data and documents on the wire. Suppliers and their prices are the company's (both ways,
// the later HLC stamp wins, like the catalog). A purchase order is a document with a home site (its receiving
// location's): it travels whole, header and lines together, between the cloud and that site only. What was
// received is never in it: that is a sum over the ledger's movements that reference its lines.

public sealed record SupplierRecord(
    Guid Id,
    string Code,
    string Name,
    string? Email,
    string? Phone,
    string? Address,
    string Currency,
    int LeadTimeDays,
    string? PaymentTerms,
    decimal OverReceiptTolerancePercent,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record PriceBreakRecord(decimal Quantity, decimal UnitPrice);

/// <summary>
/// A product as one supplier sells it. <see cref="Id"/> is <see cref="DeterministicIds.SupplierProduct"/> of the
/// pair, so two replicas that price the same pair offline edit one row, not two.
/// </summary>
public sealed record SupplierProductRecord(
    Guid Id,
    Guid SupplierId,
    Guid ProductId,
    string? SupplierSku,
    decimal UnitPrice,
    decimal MinOrderQuantity,
    decimal OrderMultiple,
    int? LeadTimeDays,
    bool Preferred,
    IReadOnlyList<PriceBreakRecord> PriceBreaks,
    bool IsActive,
    DateTimeOffset UpdatedAt);

public sealed record PurchaseOrderLineRecord(Guid Id, Guid ProductId, decimal Quantity, decimal UnitPrice, string? SupplierSku);

public sealed record PurchaseOrderRecord(
    Guid Id,
    string Number,
    Guid SupplierId,
    Guid LocationId,
    string SiteCode,
    DateOnly? ExpectedDate,
    string? Notes,
    string Currency,
    IReadOnlyList<PurchaseOrderLineRecord> Lines,
    DateTimeOffset? SentAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? ClosedAt,
    string? CloseReason,
    Guid? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
