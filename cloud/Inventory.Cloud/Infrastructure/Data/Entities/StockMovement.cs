namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>
/// A ledger line from any site, as the site recorded it. Written by the push applier with COPY and
/// INSERT … ON CONFLICT (id) DO NOTHING; never updated or deleted (a trigger refuses it).
/// </summary>
public sealed class StockMovement
{
    public Guid Id { get; set; }

    /// <summary>Cloud-wide order of arrival, for paging across sites.</summary>
    public long Seq { get; set; }

    public required string SiteCode { get; set; }

    /// <summary>The edge's local commit sequence.</summary>
    public long SiteSeq { get; set; }

    public required string Type { get; set; }
    public Guid ProductId { get; set; }
    public Guid LocationId { get; set; }
    public string Bin { get; set; } = "";
    public string Lot { get; set; } = "";
    public string? Expiry { get; set; }
    public long Quantity { get; set; }
    public long ReservedDelta { get; set; }
    public decimal? UnitCost { get; set; }
    public string? Reason { get; set; }
    public string? Note { get; set; }
    public string? ReferenceType { get; set; }
    public string? ReferenceId { get; set; }
    public Guid? UserId { get; set; }
    public string? DeviceId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>The projection of all sites' ledgers per (product, location, bin, lot).</summary>
public sealed class StockLevel
{
    public Guid ProductId { get; set; }
    public Guid LocationId { get; set; }
    public string Bin { get; set; } = "";
    public string Lot { get; set; } = "";
    public required string SiteCode { get; set; }
    public long Quantity { get; set; }
    public long Reserved { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
