namespace Inventory.Edge.Features.Purchasing;

// The bodies of /api/purchase-orders and the answers that are not a PurchaseOrderView.

/// <summary>
/// A PO's header and lines. Quantities are JSON decimals that must be whole units; `unitPrice` left out takes the
/// supplier's price for that quantity (its price breaks). On an update a line that names its `id` keeps it.
/// </summary>
public sealed record PurchaseOrderRequest(
    Guid? SupplierId,
    Guid? LocationId,
    DateOnly? ExpectedDate,
    string? Notes,
    IReadOnlyList<PurchaseOrderLineRequest>? Lines);

public sealed record PurchaseOrderLineRequest(Guid? Id, Guid? ProductId, decimal? Quantity, decimal? UnitPrice);

public sealed record ClosePurchaseOrderRequest(string? Reason);

/// <summary>A product with an open reorder alert that no draft covers, and why.</summary>
public sealed record UnassignedProduct(Guid ProductId, string? Sku, Guid LocationId, string Reason);

/// <summary>The drafts made from open reorder alerts, and the alerted products no draft covers.</summary>
public sealed record FromAlertsResult(IReadOnlyList<PurchaseOrderView> Orders, IReadOnlyList<UnassignedProduct> Unassigned);

/// <summary>What POST /from-alerts would make now: one draft per preferred supplier and receiving location.</summary>
public sealed record FromAlertsPlan(IReadOnlyList<ProposedOrder> Orders, IReadOnlyList<UnassignedProduct> Unassigned);

public sealed record ProposedOrder(
    Guid SupplierId, string SupplierCode, string SupplierName, Guid LocationId, string Currency, IReadOnlyList<ProposedLine> Lines,
    decimal TotalAmount);

/// <summary>One line of a proposed draft with the figures the quantity came from.</summary>
public sealed record ProposedLine(
    Guid ProductId, string Sku, string Name, string? SupplierSku, long Available, decimal OnOrder, int ReorderPoint, int? ReorderQuantity,
    int? MaxLevel, decimal MinOrderQuantity, decimal OrderMultiple, decimal Quantity, decimal UnitPrice);
