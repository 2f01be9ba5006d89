namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// A change pulled from the cloud that this box would not store (a product that breaks the catalog's rules):
/// kept here as it came, with the reason, for a manager to read; the box keeps the version it had.
/// </summary>
public sealed class SyncConflict
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public Guid EntityId { get; set; }

    /// <summary>The stamp of the refused version: the same version pulled again is logged once.</summary>
    public required string Hlc { get; set; }

    /// <summary>The stamp of the version the box kept, null when it has none.</summary>
    public string? KeptHlc { get; set; }

    public required string Reason { get; set; }

    /// <summary>The refused record as JSON, exactly as the cloud sent it.</summary>
    public required string Data { get; set; }

    public DateTimeOffset DetectedAt { get; set; }
}
