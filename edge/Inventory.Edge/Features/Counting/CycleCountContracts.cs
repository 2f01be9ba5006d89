namespace Inventory.Edge.Features.Counting;

// The bodies and answers of /api/cycle-counts (ARCHITECTURE "Cycle counts"). Every field of a request is nullable so a
// missing one is a clear 400, not a binder's guess. Expected and variance are nullable in the answers and null while a
// blind count is not submitted: nulls are never written, so the JSON then has no such property at all.

public sealed record CycleCountRequest(Guid? LocationId, Guid? CategoryId, string? AbcClass, IReadOnlyList<string>? Bins, bool? Blind);

/// <summary>A figure for a line of the count (<see cref="LineId"/>), or for an item found in a bin that is not on the count (product, bin, lot).</summary>
public sealed record CountedLineRequest(Guid? LineId, decimal? Counted, Guid? ProductId = null, string? Bin = null, string? Lot = null);

public sealed record CountsRequest(IReadOnlyList<CountedLineRequest>? Lines);

public sealed record ApprovalLineRequest(Guid? LineId, string? Reason, string? Decision);

/// <summary>Lines to approve each with its reason, or only a reason for every line waiting.</summary>
public sealed record ApprovalRequest(IReadOnlyList<ApprovalLineRequest>? Lines, string? Reason);

public sealed record CycleCountLineView(
    Guid Id,
    Guid ProductId,
    string Sku,
    string Name,
    string Bin,
    string Lot,
    string AbcClass,
    long? Expected,
    long? Counted,
    long? Variance,
    string Status,
    string Decision,
    bool? WithinTolerance,
    long? FirstCounted,
    Guid? CountedBy,
    string? ApprovalReason,
    long? PostedQuantity,
    bool Added);

public sealed record CycleCountView(
    Guid Id,
    string Number,
    Guid LocationId,
    string LocationCode,
    string Source,
    Guid? CategoryId,
    string? AbcClass,
    IReadOnlyList<string> Bins,
    bool Blind,
    string Status,
    int LinesCounted,
    int LinesTotal,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<CycleCountLineView> Lines);

/// <summary>A count in a list: its header and progress, no lines.</summary>
public sealed record CycleCountSummary(
    Guid Id,
    string Number,
    Guid LocationId,
    string LocationCode,
    string Source,
    bool Blind,
    string Status,
    int LinesCounted,
    int LinesTotal,
    int LinesWaiting,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt);

public sealed record SubmittedLineView(Guid LineId, long Expected, long Counted, long Variance, string Status, bool WithinTolerance);

/// <summary>The answer to submit, approve and recount: the count's status and each judged line (submitted, so never blind).</summary>
public sealed record SubmissionView(Guid Id, string Number, string Status, IReadOnlyList<SubmittedLineView> Lines);
