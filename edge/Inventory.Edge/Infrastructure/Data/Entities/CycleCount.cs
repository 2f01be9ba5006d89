namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// A cycle count of some stock at one location, made by the plan's scheduler or by hand (Inventory.Domain.Counting).
/// Blind by default: the expected quantities stay on the server until it is submitted. Replicates edge → cloud
/// (Inventory.Sync.CycleCountRecord).
/// </summary>
public sealed class CycleCount
{
    public Guid Id { get; set; }

    /// <summary>CC-{site}-{n} (Inventory.Domain.Counting.CycleCountNumber).</summary>
    public required string Number { get; set; }

    public Guid LocationId { get; set; }

    /// <summary>plan | manual</summary>
    public required string Source { get; set; }

    public Guid? CategoryId { get; set; }
    public string? AbcClass { get; set; }

    /// <summary>The bins asked for, comma-separated; null = not limited to bins.</summary>
    public string? Bins { get; set; }

    public bool Blind { get; set; } = true;

    /// <summary>open | needs_approval | completed | cancelled (Inventory.Domain.Counting.CycleCountStatus).</summary>
    public required string Status { get; set; }

    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public Guid? SubmittedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Hlc { get; set; }
    public List<CycleCountLine> Lines { get; set; } = [];
}

/// <summary>
/// One product, bin and lot of a count. <see cref="LocationId"/> is the count's, repeated so a partial unique index
/// keeps two open counts off the same stock. Bin and lot are "" when none (as on stock levels).
/// </summary>
public sealed class CycleCountLine
{
    public Guid Id { get; set; }
    public Guid CountId { get; set; }
    public Guid LocationId { get; set; }
    public Guid ProductId { get; set; }
    public string Bin { get; set; } = "";
    public string Lot { get; set; } = "";

    /// <summary>The product's class at the location when the count was made (its tolerance).</summary>
    public string AbcClass { get; set; } = "C";

    /// <summary>The level's quantity when the count was made: the variance is counted minus this.</summary>
    public long Expected { get; set; }

    /// <summary>Unit cost (FIFO at the location) when the count was made: the variance's value.</summary>
    public decimal? UnitCost { get; set; }

    public long? Counted { get; set; }
    public Guid? CountedBy { get; set; }
    public DateTimeOffset? CountedAt { get; set; }

    /// <summary>The first figure when a recount replaced it, and who counted it (a recount is by someone else).</summary>
    public long? FirstCounted { get; set; }

    public Guid? FirstCountedBy { get; set; }

    /// <summary>pending | counted | needs_approval | posted | cancelled (Inventory.Domain.Counting.CountLineStatus).</summary>
    public string Status { get; set; } = "pending";

    /// <summary>variance | counted_wins (Inventory.Domain.Counting.CountDecision).</summary>
    public string Decision { get; set; } = "variance";

    public bool? WithinTolerance { get; set; }
    public Guid? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovalReason { get; set; }

    /// <summary>What the adjustment moved (signed) and its movement.</summary>
    public long? PostedQuantity { get; set; }

    public Guid? MovementId { get; set; }

    /// <summary>Found in the bin during the count, not on the list the count was made with (expected 0).</summary>
    public bool Added { get; set; }
}
