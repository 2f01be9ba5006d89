namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>A company the fleet buys from: company-wide master data, replicated like the catalog.</summary>
public sealed class Supplier
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public required string Currency { get; set; }
    public int LeadTimeDays { get; set; }
    public string? PaymentTerms { get; set; }

    /// <summary>How far past the ordered quantity a line may be received, in percent of it.</summary>
    public decimal OverReceiptTolerancePercent { get; set; }

    public bool IsActive { get; set; } = true;
    public required string Hlc { get; set; }

    /// <summary>Where the current version was made: a site code, or null for the cloud.</summary>
    public string? EditedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A product as one supplier sells it. The id is <c>DeterministicIds.SupplierProduct(supplier, product)</c>, so two
/// replicas pricing the same pair edit one row.
/// </summary>
public sealed class SupplierProduct
{
    public Guid Id { get; set; }
    public Guid SupplierId { get; set; }
    public Guid ProductId { get; set; }
    public string? SupplierSku { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal MinOrderQuantity { get; set; }
    public decimal OrderMultiple { get; set; }
    public int? LeadTimeDays { get; set; }

    /// <summary>At most one row per product has it (a partial unique index); setting it clears the others.</summary>
    public bool Preferred { get; set; }

    /// <summary>Volume prices, as JSON <c>[{"quantity","unitPrice"}]</c>.</summary>
    public required string PriceBreaks { get; set; }

    public bool IsActive { get; set; } = true;
    public required string Hlc { get; set; }
    public string? EditedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
