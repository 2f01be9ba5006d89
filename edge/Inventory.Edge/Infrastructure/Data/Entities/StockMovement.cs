namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// A line of the immutable ledger. Written only by the movement writer with plain SQL; this class gives
/// EF the table for migrations and for reads. SQLite triggers refuse UPDATE and DELETE.
/// </summary>
public sealed class StockMovement
{
    /// <summary>Local commit order; the outbox cursor for replication.</summary>
    public long Seq { get; set; }

    public Guid Id { get; set; }
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
}
