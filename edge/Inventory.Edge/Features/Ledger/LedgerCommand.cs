using Inventory.Domain.Ledger;

namespace Inventory.Edge.Features.Ledger;

/// <summary>How a line changes a level: add to one row, take from rows, set one row to a counted figure, or move reservations.</summary>
public enum LineMode
{
    Add,
    Take,
    SetCounted,
    Reserve,
    Release,

    /// <summary>A cycle count's variance: a signed delta on exactly one product/bin/lot row, marking it counted (LedgerApplier.Counts.cs).</summary>
    AddCounted,
}

/// <summary>
/// One requested change, already validated for shape. The writer resolves it against the current levels
/// into one or more ledger rows (a take without bin or lot may come from several lots).
/// <see cref="FefoOverride"/> is a manager's reason to take a named lot out of expiry order (recorded on the movement
/// only when it was needed); <see cref="MayMoveUnsellableLots"/> lets a manager's transfer move a held or expired lot
/// to another location (a quarantine). Both are set by the endpoint after checking the caller's permission.
/// </summary>
public sealed record LedgerLine(
    Guid MovementId,
    MovementType Type,
    LineMode Mode,
    Guid ProductId,
    Guid LocationId,
    long Quantity,
    string? Bin = null,
    string? Lot = null,
    DateOnly? Expiry = null,
    decimal? UnitCost = null,
    string? Reason = null,
    string? Note = null,
    string? ReferenceType = null,
    string? ReferenceId = null,
    bool FromReserved = false,
    string? FefoOverride = null,
    bool MayMoveUnsellableLots = false);

/// <summary>
/// A request for the single writer: lines committed together or not at all. A transfer's in-lines are
/// derived from what its out-line took (<see cref="TransferTo"/>), so lots and expiries travel with the stock;
/// when the destination belongs to another site, the in-line is that site's to record and the command opens
/// a transfer in transit instead. <see cref="ReceiveTransferId"/> closes such a transfer at the receiving site.
/// <see cref="Precondition"/>, when set, is checked inside the writer's transaction before anything is written.
/// </summary>
public sealed record LedgerCommand(
    IReadOnlyList<LedgerLine> Lines,
    Guid? UserId,
    string? DeviceId,
    DateTimeOffset OccurredAt,
    string? IdempotencyKey,
    string RequestHash,
    TransferTarget? TransferTo = null,
    Guid? ReceiveTransferId = null,
    ILedgerPrecondition? Precondition = null);

public sealed record TransferTarget(Guid LocationId, string? Bin);

public enum LedgerOutcomeKind
{
    Committed,
    Replayed,
    Refused,
    NotFound,
    Invalid,
    KeyReused,
    Failed,

    /// <summary>The request contradicts what is recorded (a transfer already received).</summary>
    Conflict,
}

public sealed record LedgerOutcome(LedgerOutcomeKind Kind, MovementResult? Result = null, string? Message = null);
