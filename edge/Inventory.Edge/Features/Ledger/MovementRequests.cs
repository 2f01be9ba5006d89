namespace Inventory.Edge.Features.Ledger;

// The bodies of the movement calls. Every field is nullable so a missing one is reported by name, not as a
// JSON error; `id` is the client's movement id (a UUIDv7 from a handheld makes an offline replay idempotent).

public sealed record ReceiveRequest(
    Guid? Id, Guid? ProductId, Guid? LocationId, int? Quantity, decimal? UnitCost, string? Lot, DateOnly? Expiry,
    string? Bin, string? ReferenceType, string? ReferenceId, string? Note, DateTimeOffset? At);

public sealed record ShipRequest(
    Guid? Id, Guid? ProductId, Guid? LocationId, int? Quantity, string? Bin, string? Lot, bool? FromReserved,
    string? ReferenceType, string? ReferenceId, string? Note, DateTimeOffset? At, FefoOverrideRequest? Override = null);

public sealed record AdjustRequest(
    Guid? Id, Guid? ProductId, Guid? LocationId, int? Quantity, string? Reason, string? Note, string? Bin, string? Lot,
    DateOnly? Expiry, decimal? UnitCost, DateTimeOffset? At);

public sealed record TransferRequest(
    Guid? Id, Guid? ProductId, Guid? FromLocationId, Guid? ToLocationId, int? Quantity, string? FromBin, string? ToBin,
    string? Lot, string? Note, DateTimeOffset? At, FefoOverrideRequest? Override = null);

public sealed record ReturnRequest(
    Guid? Id, Guid? ProductId, Guid? LocationId, int? Quantity, decimal? UnitCost, string? Lot, DateOnly? Expiry,
    string? Bin, string? Reason, string? ReferenceType, string? ReferenceId, string? Note, DateTimeOffset? At);

/// <summary>`quantity` is what was counted; the movement records the difference to what the ledger held.</summary>
public sealed record CountRequest(
    Guid? Id, Guid? ProductId, Guid? LocationId, int? Quantity, string? Bin, string? Lot, DateOnly? Expiry,
    string? Note, DateTimeOffset? At);

public sealed record ReservationRequest(
    Guid? Id, Guid? ProductId, Guid? LocationId, int? Quantity, string? Bin, string? Lot,
    string? ReferenceType, string? ReferenceId, string? Note, DateTimeOffset? At, FefoOverrideRequest? Override = null);

/// <summary>
/// `"override": {"reason": "..."}` on a ship, reserve or transfer: a manager takes the named lot although an earlier
/// one is available (FEFO). Recorded on the movement (reason fefo_override, the words in its note).
/// </summary>
public sealed record FefoOverrideRequest(string? Reason)
{
    public const int MaxReasonLength = 200;
}
