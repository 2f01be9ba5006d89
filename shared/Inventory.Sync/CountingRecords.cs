namespace Inventory.Sync;

// A cycle count on the wire. A count is made and counted at its home site (its location's box); the cloud keeps a
// read-only copy for the accuracy report across sites, so it travels one way, edge to cloud, whole (header and lines),
// the later HLC stamp winning. What was adjusted is also in the ledger: each posted line's movement references
// `cycle_count` `{count}/{line}`.

/// <summary>
/// One line of a count. <see cref="Expected"/> is the ledger's quantity when the count was made (it travels even while
/// the count is blind: the cloud's answers withhold it the same way). <see cref="Counted"/> is the figure that
/// decided the line (a recount replaces the first figure, kept in <see cref="FirstCounted"/>).
/// </summary>
public sealed record CycleCountLineRecord(
    Guid Id,
    Guid ProductId,
    string Bin,
    string Lot,
    string AbcClass,
    long Expected,
    decimal? UnitCost,
    long? Counted,
    Guid? CountedBy,
    DateTimeOffset? CountedAt,
    long? FirstCounted,
    Guid? FirstCountedBy,
    string Status,
    string Decision,
    bool? WithinTolerance,
    Guid? ApprovedBy,
    string? ApprovalReason,
    long? PostedQuantity,
    bool Added);

public sealed record CycleCountRecord(
    Guid Id,
    string Number,
    Guid LocationId,
    string SiteCode,
    string Source,
    Guid? CategoryId,
    string? AbcClass,
    IReadOnlyList<string> Bins,
    bool Blind,
    string Status,
    IReadOnlyList<CycleCountLineRecord> Lines,
    Guid? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset UpdatedAt);
