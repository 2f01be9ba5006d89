namespace Inventory.Edge.Features.Counting;

public enum CountOutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Conflict,

    /// <summary>The ledger could not record an adjustment now (the writer stopping, the disk): try again, it posts once.</summary>
    Failed,
}

/// <summary>How a counting step ended: its answer, or why nothing (or, for Failed, not everything) changed.</summary>
public sealed record CountOutcome(CountOutcomeKind Kind, string? Message = null, SubmissionView? Submission = null)
{
    public static CountOutcome NotFound(Guid id) => new(CountOutcomeKind.NotFound, $"No cycle count with id {id}.");

    public static CountOutcome Invalid(string message) => new(CountOutcomeKind.Invalid, message);

    public static CountOutcome Conflict(string message) => new(CountOutcomeKind.Conflict, message);
}
