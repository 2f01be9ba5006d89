namespace Inventory.Edge.Features.Purchasing;

// The bodies and answers of /api/suppliers. Supplier prices (SupplierProductView) are answered to ViewSupplierPrices
// only: the endpoint that lists them names that permission.

public sealed record SupplierView(
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

public sealed record PriceBreakView(decimal Quantity, decimal UnitPrice);

public sealed record SupplierProductView(
    Guid Id,
    Guid SupplierId,
    Guid ProductId,
    string? Sku,
    string? Name,
    string? SupplierSku,
    decimal UnitPrice,
    decimal MinOrderQuantity,
    decimal OrderMultiple,
    int? LeadTimeDays,
    bool Preferred,
    IReadOnlyList<PriceBreakView> PriceBreaks,
    bool IsActive,
    DateTimeOffset UpdatedAt);
