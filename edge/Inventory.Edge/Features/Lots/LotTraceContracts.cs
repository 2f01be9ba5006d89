namespace Inventory.Edge.Features.Lots;

/// <summary>
/// Where a lot came from and went at this box: every receipt (with its PO and supplier), every shipment and return,
/// every transfer (also to and from other sites), what is still on hand where, and what was scrapped. Quantities are
/// the units moved, never negative; <c>type</c> says the direction where a list holds both.
/// </summary>
public sealed record LotTrace(
    Guid ProductId, string Lot, DateOnly? Expiry, string Status, IReadOnlyList<LotTraceReceipt> Receipts,
    IReadOnlyList<LotTraceShipment> Shipments, IReadOnlyList<LotTraceTransfer> Transfers, IReadOnlyList<LotTraceOnHand> OnHand,
    IReadOnlyList<LotTraceScrap> Scrapped);

/// <summary>A receive movement; PO number and supplier when it fulfils a PO line, <c>unitCost</c> only for ViewCostPrices.</summary>
public sealed record LotTraceReceipt(
    Guid MovementId, DateTimeOffset At, Guid LocationId, string? LocationCode, string Bin, long Quantity, string? ReferenceType,
    string? ReferenceId, string? PurchaseOrderNumber, string? SupplierCode, string? SupplierName, decimal? UnitCost);

/// <summary>
/// A ship or return movement. <c>customerName</c> is the customer of the sales order it fulfils; there are no sales
/// orders yet, so it is always null for now.
/// </summary>
public sealed record LotTraceShipment(
    Guid MovementId, string Type, DateTimeOffset At, Guid LocationId, string? LocationCode, string Bin, long Quantity,
    string? ReferenceType, string? ReferenceId, string? CustomerName);

/// <summary>
/// A transfer of the lot, its transfer_out and transfer_in paired by reference: <c>quantityIn</c> and the destination's
/// movement are absent while another site's transfer is in transit (or when this box only saw the arrival).
/// </summary>
public sealed record LotTraceTransfer(
    string? ReferenceId, DateTimeOffset At, string? FromSite, Guid? FromLocationId, string? FromLocationCode, string? ToSite,
    Guid? ToLocationId, string? ToLocationCode, long? QuantityOut, long? QuantityIn, DateTimeOffset? ReceivedAt);

public sealed record LotTraceOnHand(Guid LocationId, string? LocationCode, string Bin, long Quantity);

/// <summary>An adjustment out with reason expired, recalled or damage.</summary>
public sealed record LotTraceScrap(Guid MovementId, DateTimeOffset At, Guid LocationId, string? LocationCode, string Bin, long Quantity, string Reason);
