namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>
/// A purchase order as the cloud knows it, whoever made it (head office or its home site). Its status is not
/// stored: it is derived from the events here and the received sums over <see cref="StockMovement"/>.
/// </summary>
public sealed class PurchaseOrder
{
    public Guid Id { get; set; }

    /// <summary>Cloud-local order of arrival, for paging lists (newest first).</summary>
    public long Seq { get; set; }

    /// <summary>PO-{origin}-000042: unique across the fleet by its origin prefix (a site code or HQ).</summary>
    public required string Number { get; set; }

    public Guid SupplierId { get; set; }
    public Guid LocationId { get; set; }

    /// <summary>The home site: that of the receiving location; the only site the PO travels to.</summary>
    public required string SiteCode { get; set; }

    public DateOnly? ExpectedDate { get; set; }
    public string? Notes { get; set; }
    public required string Currency { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? CloseReason { get; set; }
    public Guid? CreatedBy { get; set; }
    public required string Hlc { get; set; }
    public string? EditedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PurchaseOrderLine> Lines { get; set; } = [];
}

public sealed class PurchaseOrderLine
{
    public Guid Id { get; set; }
    public Guid PurchaseOrderId { get; set; }

    /// <summary>The line's place on the PO, as it was sent.</summary>
    public int Position { get; set; }

    public Guid ProductId { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public string? SupplierSku { get; set; }
}
