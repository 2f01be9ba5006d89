namespace Inventory.Edge.Features.Purchasing;

// The answers of the purchase-order calls. Prices and amounts are null — so absent from the JSON — for roles
// without ViewSupplierPrices: staff receive against a PO without seeing what it cost.

public sealed record PurchaseOrderView(
    Guid Id,
    string Number,
    string Status,
    bool NeedsAttention,
    Guid SupplierId,
    string? SupplierCode,
    string? SupplierName,
    Guid LocationId,
    string SiteCode,
    DateOnly? ExpectedDate,
    string? Notes,
    string Currency,
    decimal? TotalAmount,
    decimal? ReceivedAmount,
    IReadOnlyList<PurchaseOrderLineView> Lines,
    DateTimeOffset? SentAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? ClosedAt,
    string? CloseReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One line with what the ledger received against it; <see cref="Variance"/> is received − ordered.</summary>
public sealed record PurchaseOrderLineView(
    Guid Id,
    int LineNumber,
    Guid ProductId,
    string? Sku,
    string? Name,
    string? SupplierSku,
    decimal Quantity,
    decimal Received,
    decimal Outstanding,
    decimal Variance,
    decimal? UnitPrice,
    decimal? LineAmount,
    decimal? VarianceValue);
