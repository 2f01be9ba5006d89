namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>Two replicas edited the same row; the later stamp won everywhere, the loser is kept here for a manager.</summary>
public sealed class SyncConflict
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public Guid EntityId { get; set; }
    public required string WinnerHlc { get; set; }
    public string? WinnerSite { get; set; }
    public required string LoserHlc { get; set; }
    public string? LoserSite { get; set; }
    public required string LoserData { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
}

/// <summary>A movement id that came back with different content: not applied, kept for a person to look at.</summary>
public sealed class QuarantinedMovement
{
    public long Id { get; set; }
    public Guid MovementId { get; set; }
    public required string SiteCode { get; set; }
    public required string Received { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
}
