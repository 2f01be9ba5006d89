namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>A company the business buys from: company-wide master data, replicated both ways like the catalog.</summary>
public sealed class Supplier
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string Currency { get; set; } = "EUR";
    public int LeadTimeDays { get; set; }
    public string? PaymentTerms { get; set; }

    /// <summary>How far past the ordered quantity a line may be received in all, in percent.</summary>
    public decimal OverReceiptTolerancePercent { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Hybrid-logical-clock stamp of the last edit: the later stamp wins between replicas.</summary>
    public string? Hlc { get; set; }
}
