namespace Inventory.Edge.Features.Purchasing;

// The bodies and answers of /api/suppliers. Supplier prices (SupplierProductView) are answered to ViewSupplierPrices
// only: the endpoint that lists them names that permission.

public sealed record SupplierRequest(
    string? Code,
    string? Name,
    string? Email,
    string? Phone,
    string? Address,
    string? Currency,
    int? LeadTimeDays,
    string? PaymentTerms,
    decimal? OverReceiptTolerancePercent,
    bool? Active);

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
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record PriceBreakView(decimal Quantity, decimal UnitPrice);

/// <summary>`priceBreaks`: from `quantity` units on, the whole line costs `unitPrice` each.</summary>
public sealed record SupplierProductRequest(
    string? SupplierSku,
    decimal? UnitPrice,
    decimal? MinOrderQuantity,
    decimal? OrderMultiple,
    int? LeadTimeDays,
    bool? Preferred,
    IReadOnlyList<PriceBreakView>? PriceBreaks,
    bool? Active);

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
    bool Active,
    DateTimeOffset UpdatedAt);
