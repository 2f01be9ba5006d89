namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>A label job for a printer: kept until the broker took it for the printer, so a printer that is off misses nothing.</summary>
public sealed class PrintJob
{
    public Guid Id { get; set; }
    public required string PrinterId { get; set; }
    public Guid ProductId { get; set; }
    public int Copies { get; set; }
    public required string Zpl { get; set; }
    public Guid? RequestedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
