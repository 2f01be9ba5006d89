namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>
/// A site's cycle count as the site pushed it (Inventory.Sync.CycleCountRecord): read-only here, kept for the accuracy
/// report across sites. The later HLC stamp wins.
/// </summary>
public sealed class CycleCount
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public Guid LocationId { get; set; }
    public required string SiteCode { get; set; }
    public required string Source { get; set; }
    public Guid? CategoryId { get; set; }
    public string? AbcClass { get; set; }
    public string[] Bins { get; set; } = [];
    public bool Blind { get; set; }
    public required string Status { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string Hlc { get; set; }
    public List<CycleCountLine> Lines { get; set; } = [];
}

/// <summary>One line of a site's count (Inventory.Sync.CycleCountLineRecord).</summary>
public sealed class CycleCountLine
{
    public Guid Id { get; set; }
    public Guid CountId { get; set; }
    public Guid ProductId { get; set; }
    public string Bin { get; set; } = "";
    public string Lot { get; set; } = "";
    public required string AbcClass { get; set; }
    public long Expected { get; set; }
    public decimal? UnitCost { get; set; }
    public long? Counted { get; set; }
    public Guid? CountedBy { get; set; }
    public DateTimeOffset? CountedAt { get; set; }
    public long? FirstCounted { get; set; }
    public Guid? FirstCountedBy { get; set; }
    public required string Status { get; set; }
    public required string Decision { get; set; }
    public bool? WithinTolerance { get; set; }
    public Guid? ApprovedBy { get; set; }
    public string? ApprovalReason { get; set; }
    public long? PostedQuantity { get; set; }
    public bool Added { get; set; }
}
