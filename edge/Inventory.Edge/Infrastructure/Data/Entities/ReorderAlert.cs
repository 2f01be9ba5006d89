namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// Stock of a product at a location fell to or below its reorder point. At most one is open per product and
/// location (a partial unique index says so); it closes when available stock rises above the point again.
/// Opened and closed by the movement writer inside the movement's own transaction.
/// </summary>
public sealed class ReorderAlert
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public Guid LocationId { get; set; }

    /// <summary>open | closed</summary>
    public required string Status { get; set; }

    public int ReorderPoint { get; set; }
    public long AvailableAtOpen { get; set; }
    public long? AvailableAtClose { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedBy { get; set; }
}
