using Inventory.Edge.Features.Ledger;

namespace Inventory.Edge.Features.Purchasing.Receiving;

// The body and answer of POST /api/purchase-orders/{id}/receive. Every field is nullable so a missing one is
// reported by name; quantities are JSON decimals, checked against the tolerance before the whole-unit rule.

/// <summary>A receipt: <c>id</c> is made by the client (a replay with the same id is recorded once).</summary>
public sealed record ReceiptRequest(Guid? Id, IReadOnlyList<ReceiptLineRequest>? Lines, DateTimeOffset? At = null);

public sealed record ReceiptLineRequest(Guid? LineId, decimal? Quantity, string? Lot, DateOnly? Expiry, string? Bin);

/// <summary>
/// The PO as the receipt left it (status and each line's received) and the receive movements it recorded. Without
/// ViewSupplierPrices the PO carries no prices and the movements no unit cost.
/// </summary>
public sealed record PurchaseOrderReceipt(
    PurchaseOrderView PurchaseOrder, IReadOnlyList<MovementView> Movements, IReadOnlyList<LevelView> Levels);

/// <summary>One checked receipt line, ready for the ledger.</summary>
public sealed record ReceiptLine(Guid LineId, decimal Quantity, string? Lot, DateOnly? Expiry, string? Bin);

/// <summary>Who receives: a signed-in user, or a device (MQTT scanner) acting as staff.</summary>
public sealed record ReceiptActor(Guid? UserId, string? DeviceId);

public enum ReceiptOutcomeKind
{
    Recorded,
    Invalid,
    NotFound,
    Conflict,
    OverTolerance,
    Failed,
}

/// <summary>What a receipt came to; <see cref="Over"/> names the line past its tolerance, <see cref="After"/> each touched line's totals.</summary>
public sealed record ReceiptOutcome(
    ReceiptOutcomeKind Kind,
    string? Message = null,
    MovementResult? Result = null,
    ReceiptOverTolerance? Over = null,
    IReadOnlyDictionary<Guid, (decimal Ordered, decimal Received)>? After = null);
