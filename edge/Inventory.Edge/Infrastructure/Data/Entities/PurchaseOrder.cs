namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// A purchase order. Its status is not stored: it is derived from what the ledger received against its lines
/// and from its events (<see cref="SentAt"/>, <see cref="CancelledAt"/>, <see cref="ClosedAt"/>), so a receipt made
/// here offline and an edit made in the cloud merge exactly (Inventory.Domain.Purchasing.PurchaseOrderStatus).
/// </summary>
public sealed class PurchaseOrder
{
    public Guid Id { get; set; }

    /// <summary>PO-{origin}-{n}: unique across the fleet (Inventory.Domain.Purchasing.PurchaseOrderNumber).</summary>
    public required string Number { get; set; }

    public Guid SupplierId { get; set; }

    /// <summary>The receiving location; its site is the PO's home.</summary>
    public Guid LocationId { get; set; }

    public required string SiteCode { get; set; }
    public DateOnly? ExpectedDate { get; set; }
    public string? Notes { get; set; }
    public string Currency { get; set; } = "EUR";
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? CloseReason { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When this box queued the PO's mail to the supplier: set once, so a PO is mailed once.</summary>
    public DateTimeOffset? MailQueuedAt { get; set; }

    public string? Hlc { get; set; }

    public List<PurchaseOrderLine> Lines { get; set; } = [];
}

public sealed class PurchaseOrderLine
{
    public Guid Id { get; set; }
    public Guid PurchaseOrderId { get; set; }

    /// <summary>Position on the PO, from 1.</summary>
    public int LineNumber { get; set; }

    public Guid ProductId { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public string? SupplierSku { get; set; }
}
